package dev.pdfvariants.event;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

/** {@code --events FILE|-}: one JSON object per event and line. */
class NdjsonEventsTest {
    @TempDir
    Path tmp;

    @Test
    void eventsOnStdoutDescribeTheBatchFromStartToFinish() throws Exception {
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", "-v", "text,metadata", Corpus.samples().toString(), "-o", out.toString(), "--events", "-",
                "--progress", "none");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);

        List<JsonNode> events = parse(r.out());
        String batchId = Pdfs.manifest(out).at("/run/batchId").asText();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(e.get("batch").asText()).isEqualTo(batchId);
            assertThat(e.get("shard").asText()).isEqualTo("0-of-1");
        });
        assertThat(events.get(0).get("type").asText()).isEqualTo("batch.started");
        assertThat(events.get(0).get("variants")).hasSize(2);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("batch.finished");
        assertThat(last.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(types(events, "document.discovered")).hasSize(5);
        assertThat(types(events, "document.started")).hasSize(5);
        assertThat(types(events, "document.succeeded")).hasSize(4);
        assertThat(types(events, "variant.generated")).hasSize(8);
        JsonNode failed = types(events, "document.failed").get(0);
        assertThat(failed.get("path").asText()).isEqualTo("broken/truncated-download.pdf");
        assertThat(failed.at("/result/error/kind").asText()).isEqualTo("corrupt");
        assertThat(events.stream().filter(e -> e.get("type").asText().startsWith("document.")))
                .allSatisfy(e -> assertThat(e.get("path").asText()).endsWith(".pdf"));
    }

    @Test
    void eventsGoToAFileAndStdoutStaysEmpty() throws Exception {
        Path file = tmp.resolve("logs/events.ndjson");
        Cli.Result r = cli().run("run", "-v", "text,metadata", Corpus.samples().resolve("reports").toString(), "-o",
                tmp.resolve("out").toString(), "--events", file.toString(), "--progress", "none");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        List<JsonNode> events = parse(Files.readString(file));
        assertThat(events.stream().map(e -> e.get("type").asText()).toList()).containsExactly("batch.started",
                "document.discovered", "document.started", "variant.generated", "variant.generated",
                "document.succeeded", "batch.finished");
    }

    @Test
    void eventsOnStdoutAndJsonConflict() {
        Cli.Result r = cli().run("run", "-v", "text,metadata", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(), "--events",
                "-", "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--events - and --json would both write to stdout");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static List<JsonNode> types(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    private static List<JsonNode> parse(String ndjson) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isEmpty()) {
                events.add(Json.mapper().readTree(line));
            }
        }
        return events;
    }
}
