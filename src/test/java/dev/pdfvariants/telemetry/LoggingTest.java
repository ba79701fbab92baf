package dev.pdfvariants.telemetry;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.config.LogFormat;
import dev.pdfvariants.config.TelemetrySettings.LogSettings;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.OtlpReceiver;
import dev.pdfvariants.testing.OtlpReceiver.Received;
import dev.pdfvariants.testing.Pdfs;

/** Log lines: JSON that parses, carrying the batch, document, variant and the active span's ids. */
class LoggingTest {
    @TempDir
    Path tmp;

    @AfterEach
    void resetLogging() {
        Logging.configure(LogSettings.defaults(), false, new PrintWriter(System.err, true));
    }

    @Test
    void jsonLinesParseAndCarryTheTraceAndSpanOfTheDocumentTheyWereWrittenIn() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Path out = tmp.resolve("out");
            Cli.Result r = cli().run("run", Corpus.samples().toString(), "-o", out.toString(), "--log-format", "json",
                    "--log-level", "debug", "--tracing", "--otlp-endpoint", collector.url(), "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);

            List<JsonNode> lines = jsonLines(r.err());
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                    .contains("time", "level", "logger", "thread", "message", "batch", "trace_id", "span_id"));
            String batchId = Pdfs.manifest(out).at("/run/batchId").asText();
            assertThat(lines).allSatisfy(line -> assertThat(line.get("batch").asText()).isEqualTo(batchId));

            Received broken = collector.span("document", "document.path", "broken/truncated-download.pdf").orElseThrow();
            JsonNode cannotOpen = lines.stream()
                    .filter(l -> l.get("message").asText().equals("cannot open broken/truncated-download.pdf"))
                    .findFirst().orElseThrow(() -> new AssertionError(r.err()));
            assertThat(cannotOpen.get("level").asText()).isEqualTo("DEBUG");
            assertThat(cannotOpen.get("document").asText()).isEqualTo("broken/truncated-download.pdf");
            assertThat(cannotOpen.get("trace_id").asText()).isEqualTo(broken.traceId());
            assertThat(cannotOpen.get("span_id").asText()).isEqualTo(broken.spanId());
            assertThat(cannotOpen.at("/error/type").asText()).isEqualTo("dev.pdfvariants.error.DocumentFailure");

            List<JsonNode> inVariants = lines.stream().filter(l -> l.has("variant")).toList();
            assertThat(inVariants).as("library lines written while a variant ran").isNotEmpty()
                    .allSatisfy(l -> {
                        Received span = collector.spans().stream().filter(s -> s.spanId().equals(l.get("span_id").asText()))
                                .findFirst().orElseThrow();
                        assertThat(span.name()).isIn("variant " + l.get("variant").asText(), "text.model");
                        assertThat(span.traceId()).isEqualTo(l.get("trace_id").asText());
                    });
        }
    }

    @Test
    void logLinesCarryRealTraceIdsEvenWhenNoSpanIsExported() {
        Cli.Result r = cli().run("run", Corpus.samples().resolve("broken").toString(), "-o",
                tmp.resolve("out").toString(), "--log-format", "json", "--verbose", "--progress", "none");
        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> lines = jsonLines(r.err());
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            assertThat(l.get("trace_id").asText()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(l.get("span_id").asText()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
        });
    }

    @Test
    void textLinesNameTheDocumentAndSpanAfterTheMessage() {
        Cli.Result r = cli().run("run", Corpus.samples().resolve("broken").toString(), "-o",
                tmp.resolve("out").toString(), "--log-level", "debug", "--progress", "none");
        String line = r.err().lines().filter(l -> l.contains("cannot open truncated-download.pdf")).findFirst()
                .orElseThrow(() -> new AssertionError(r.err()));
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG DocumentProcessor - cannot open truncated-download.pdf "
                + "\\[batch=[0-9a-f-]{36} document=truncated-download.pdf trace_id=[0-9a-f]{32} span_id=[0-9a-f]{16}\\]");
    }

    @Test
    void libraryLogsThroughJavaUtilLoggingComeOutTheSameWay() throws Exception {
        StringWriter err = new StringWriter();
        Logging.configure(new LogSettings(LogFormat.JSON, "info", null, false), false, new PrintWriter(err, true));
        MDC.put("document", "a.pdf");
        try {
            java.util.logging.Logger.getLogger("com.example.library").warning("from java.util.logging");
            java.util.logging.Logger.getLogger("com.example.library").fine("below the level");
        } finally {
            MDC.remove("document");
        }
        List<JsonNode> lines = jsonLines(err.toString());
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.get("logger").asText()).isEqualTo("com.example.library");
            assertThat(l.get("level").asText()).isEqualTo("WARN");
            assertThat(l.get("message").asText()).isEqualTo("from java.util.logging");
            assertThat(l.get("document").asText()).isEqualTo("a.pdf");
        });
    }

    @Test
    void aLogFileReceivesTheLinesInsteadOfStderr() throws Exception {
        Path logFile = tmp.resolve("logs/run.log");
        Cli.Result r = cli().run("run", Corpus.samples().resolve("broken").toString(), "-o",
                tmp.resolve("out").toString(), "--log-level", "debug", "--log-format", "json", "--log-file",
                logFile.toString(), "--progress", "none");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("cannot open truncated-download.pdf").contains("failed: truncated-download.pdf");
        assertThat(jsonLines(Files.readString(logFile)))
                .anySatisfy(l -> assertThat(l.get("message").asText()).isEqualTo("cannot open truncated-download.pdf"));
    }

    @Test
    void quietShowsFailuresButNoSummaryAndAnUnknownLevelIsAUsageError() {
        Cli.Result quiet = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(), "-q");
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.err()).contains("failed: broken/truncated-download.pdf").doesNotContain("succeeded,")
                .doesNotContain("manifest:");

        Cli.Result bad = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(),
                "--log-level", "loud");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--log-level must be one of");
    }

    @Test
    void logFormatComesFromLogFormatInTheEnvironment() {
        Cli.Result r = cli().env("LOG_FORMAT", "json").run("run", Corpus.samples().resolve("broken").toString(), "-o",
                tmp.resolve("out").toString(), "--verbose", "--progress", "none");
        assertThat(jsonLines(r.err())).isNotEmpty();
    }

    static List<JsonNode> jsonLines(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(Json.mapper().readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

}
