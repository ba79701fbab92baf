package dev.pdfvariants.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.TestVariants;

/** {@code --isolation process}: worker JVMs that can be killed, with test variants that loop, exhaust memory or crash. */
class ProcessIsolationTest {
    @TempDir
    Path tmp;

    private static Cli cli() {
        return Cli.cli().registry(TestVariants.registry());
    }

    private Path in(String... names) throws IOException {
        return Pdfs.documents(tmp.resolve("in"), names);
    }

    @Test
    void documentsThatExhaustMemoryLoopOrCrashAreRecordedAndAllTheOthersSucceed() throws IOException {
        Path in = in("crash.pdf", "hang.pdf", "hog.pdf", "ok-1.pdf", "ok-2.pdf", "ok-3.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--isolation", "process",
                "-v", "text,hostile", "-j", "2", "--timeout", "5s", "--worker-heap", "64m", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(Pdfs.document(manifest, "hog.pdf").at("/error/kind").asText()).isEqualTo("oom");
        assertThat(Pdfs.document(manifest, "hog.pdf").at("/error/message").asText())
                .contains("ran out of memory in an isolated worker process (heap limit 64.0 MiB");
        assertThat(Pdfs.document(manifest, "hang.pdf").at("/error/kind").asText()).isEqualTo("timeout");
        assertThat(Pdfs.document(manifest, "hang.pdf").at("/error/message").asText())
                .isEqualTo("did not finish within the 5 s timeout; its isolated worker process was killed");
        assertThat(Pdfs.document(manifest, "crash.pdf").at("/error/kind").asText()).isEqualTo("crashed");
        assertThat(Pdfs.document(manifest, "crash.pdf").at("/error/message").asText()).contains("exit code 77");
        String me = String.valueOf(ProcessHandle.current().pid());
        for (String ok : new String[] {"ok-1", "ok-2", "ok-3"}) {
            JsonNode d = Pdfs.document(manifest, ok + ".pdf");
            assertThat(d.get("status").asText()).as(ok).isEqualTo("succeeded");
            assertThat(Files.readString(out.resolve(ok + "/text.txt"))).contains("Document " + ok + ".pdf.");
            assertThat(Files.readString(out.resolve(ok + "/hostile.txt")).strip()).as("ran elsewhere").isNotEqualTo(me);
            // the worker sent its events: the variants are in the manifest with their outputs
            assertThat(d.at("/variants/0/outputs/0/sha256").asText()).hasSize(64);
        }
        assertThat(r.err()).contains("failed: hog.pdf: ran out of memory").doesNotContain("\tat ");
    }

    @Test
    void aWorkerProcessIsReplacedAfterTheConfiguredNumberOfDocuments() throws IOException {
        Path in = in("d1.pdf", "d2.pdf", "d3.pdf", "d4.pdf");
        Path out = tmp.resolve("out");
        Path events = tmp.resolve("events.ndjson");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--isolation", "process", "-v", "hostile",
                "-j", "1", "--worker-documents", "2", "--progress", "none", "--events", events.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        // in the order they ran (the largest go first, so not necessarily by name)
        List<String> order = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            JsonNode e = Json.mapper().readTree(line);
            if (e.path("type").asText().equals("document.started")) {
                order.add(e.path("path").asText());
            }
        }
        assertThat(order).hasSize(4);
        String[] pids = new String[4];
        for (int i = 0; i < 4; i++) {
            pids[i] = Files.readString(out.resolve(order.get(i).replace(".pdf", "") + "/hostile.txt")).strip();
        }
        assertThat(pids[0]).isEqualTo(pids[1]);
        assertThat(pids[2]).isEqualTo(pids[3]);
        assertThat(pids[0]).isNotEqualTo(pids[2]);
    }
}
