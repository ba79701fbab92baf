package dev.pdfvariants.corpus;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

/**
 * The hostile part of the shared corpus, three times over, in worker processes with a small heap
 * and a short time limit: every file ends with a status and a reason each time, the same each
 * time, and the batch exits 1. The JUnit time-out is a guard against a hang, not a speed target.
 */
class MalformedIsolationTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void threeIsolatedRunsOverTheMalformedFilesEachRecordEveryFileAndExitOne() throws IOException {
        Path malformed = Corpus.require().resolve("malformed");
        List<String> files;
        try (Stream<Path> list = Files.list(malformed)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<Map<String, String>> outcomes = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            Path out = tmp.resolve("out-" + run);
            long start = System.nanoTime();
            Cli.Result r = cli().run("run", malformed.toString(), "-o", out.toString(), "--isolation", "process",
                    "-v", "text,metadata,thumbnails", "-j", "2", "--timeout", "30s", "--worker-heap", "256m",
                    "--progress", "none");
            System.out.printf("malformed corpus, isolated run %d: %d ms%n", run, (System.nanoTime() - start) / 1_000_000);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("\tat ");
            JsonNode manifest = Pdfs.manifest(out);
            Map<String, String> outcome = new TreeMap<>();
            for (String file : files) {
                JsonNode d = Pdfs.document(manifest, file);
                String status = d.get("status").asText();
                assertThat(status).as(file).isIn("succeeded", "failed");
                if (status.equals("failed")) {
                    JsonNode error = Pdfs.firstError(d);
                    assertThat(error).as(file).isNotNull();
                    assertThat(error.get("kind").asText()).as(file).isNotBlank().isNotEqualTo("internal-error");
                    assertThat(error.get("message").asText()).as(file).isNotBlank();
                    status = error.get("kind").asText();
                }
                outcome.put(file, status);
            }
            outcomes.add(outcome);
        }
        assertThat(outcomes.get(1)).as("the second run ends like the first").isEqualTo(outcomes.get(0));
        assertThat(outcomes.get(2)).as("the third run ends like the first").isEqualTo(outcomes.get(0));
        System.out.println("malformed corpus outcomes: " + outcomes.get(0));
    }
}
