package dev.pdfvariants.telemetry;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.OtelEnvironment;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.config.TelemetrySettings;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.OtlpReceiver;
import dev.pdfvariants.testing.OtlpReceiver.Received;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.Pushgateway;

/** Spans exported over OTLP/HTTP to a receiver that decodes them with the official protobuf classes. */
class TracingTest {
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String API_KEY = "planted-otlp-key-91f3";

    @TempDir
    Path tmp;

    @Test
    void theBatchIsAChildOfTheCallersTraceAndDocumentsAndTheirStepsHangUnderIt() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Path out = tmp.resolve("out");
            Cli.Result r = cli()
                    .env("TRACEPARENT", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                    .env("ENVIRONMENT", "ci")
                    .env("OTEL_SERVICE_NAME", "pdfvariants-test")
                    .env("OTEL_RESOURCE_ATTRIBUTES", "team=docs,region=eu%20west")
                    .env("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=" + API_KEY)
                    .env("ENABLE_TRACING", "true")
                    .env("OTLP_ENDPOINT", collector.url())
                    .run("run", "-v", "text,metadata", Corpus.samples().toString(), "-o", out.toString(), "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            JsonNode manifest = Pdfs.manifest(out);

            List<Received> batches = collector.named("batch");
            assertThat(batches).hasSize(1);
            Received batch = batches.get(0);
            assertThat(batch.traceId()).isEqualTo(CALLER_TRACE);
            assertThat(batch.parentSpanId()).isEqualTo(CALLER_SPAN);
            assertThat(batch.attributes()).containsEntry("batch.id", manifest.at("/run/batchId").asText())
                    .containsEntry("batch.shard", "0-of-1")
                    .containsEntry("batch.variants", "text,metadata")
                    .containsEntry("batch.documents.discovered", "5")
                    .containsEntry("batch.documents.failed", "1")
                    .containsEntry("batch.exit_code", "1");
            assertThat(batch.isError()).as("a batch with failed documents").isTrue();
            assertThat(collector.spans()).allSatisfy(s -> assertThat(s.traceId()).isEqualTo(CALLER_TRACE));

            List<Received> documents = collector.named("document");
            assertThat(documents).hasSize(5).allSatisfy(d -> assertThat(d.parentSpanId()).isEqualTo(batch.spanId()));
            assertThat(documents.stream().map(d -> d.attributes().get("document.path")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("broken/truncated-download.pdf", "es/informe-bibliotecas.pdf",
                            "papers/adaptive-batching-paper.pdf", "reports/rooftop-gardens-report.pdf",
                            "scanned/scanned-letter.pdf");

            JsonNode report = Pdfs.document(manifest, "reports/rooftop-gardens-report.pdf");
            Received reportSpan = collector.span("document", "document.path", "reports/rooftop-gardens-report.pdf")
                    .orElseThrow();
            assertThat(reportSpan.attributes()).containsEntry("document.sha256", report.get("sha256").asText())
                    .containsEntry("document.pages", "2")
                    .containsEntry("document.bytes", report.get("bytes").asText())
                    .containsEntry("document.outcome", "succeeded");
            assertThat(reportSpan.isError()).isFalse();
            List<Received> steps = collector.childrenOf(reportSpan);
            assertThat(steps.stream().map(Received::name).toList())
                    .containsExactlyInAnyOrder("pdf.load", "text.model", "variant text", "variant metadata");
            assertThat(steps.stream().filter(s -> s.name().equals("variant text")).findFirst().orElseThrow().attributes())
                    .containsEntry("variant.name", "text").containsEntry("variant.outcome", "succeeded")
                    .containsEntry("variant.outputs", "2");

            Received broken = collector.span("document", "document.path", "broken/truncated-download.pdf").orElseThrow();
            assertThat(broken.isError()).isTrue();
            assertThat(broken.attributes()).containsEntry("document.outcome", "failed").containsEntry("error.type", "corrupt");
            Received load = collector.childrenOf(broken).stream().filter(s -> s.name().equals("pdf.load")).findFirst()
                    .orElseThrow();
            assertThat(load.isError()).isTrue();
            assertThat(load.span().getEventsList()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));

            Map<String, String> resource = batch.resource();
            assertThat(resource).containsEntry("service.name", "pdfvariants-test")
                    .containsEntry("deployment.environment.name", "ci")
                    .containsEntry("team", "docs").containsEntry("region", "eu west")
                    .containsKey("service.version");
            assertThat(collector.headers()).allSatisfy(h -> assertThat(h.get("X-api-key")).containsExactly(API_KEY));
            assertThat(r.err()).doesNotContain(API_KEY).doesNotContain("WARN");
        }
    }

    @Test
    void withoutATraceparentTheBatchStartsItsOwnTrace() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Cli.Result r = cli().run("run", "-v", "text,metadata", Corpus.samples().resolve("reports").toString(), "-o",
                    tmp.resolve("out").toString(), "--tracing", "--otlp-endpoint", collector.url(), "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Received batch = collector.named("batch").get(0);
            assertThat(batch.parentSpanId()).isEmpty();
            assertThat(batch.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(collector.spans()).hasSize(1 + 1 + 4);
            Set<String> traces = collector.spans().stream().map(Received::traceId).collect(Collectors.toSet());
            assertThat(traces).containsExactly(batch.traceId());
        }
    }

    @Test
    void spansAreExportedOverGrpcToo() throws Exception {
        try (OtlpReceiver collector = OtlpReceiver.grpc()) {
            Cli.Result r = cli().env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", collector.url())
                    .env("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=" + API_KEY)
                    .run("run", "-v", "text,metadata", Corpus.samples().resolve("reports").toString(), "-o", tmp.resolve("out").toString(),
                            "--tracing", "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Received batch = collector.named("batch").get(0);
            Received document = collector.named("document").get(0);
            assertThat(document.parentSpanId()).isEqualTo(batch.spanId());
            assertThat(collector.childrenOf(document).stream().map(Received::name).toList())
                    .containsExactlyInAnyOrder("pdf.load", "text.model", "variant text", "variant metadata");
            assertThat(collector.headers()).allSatisfy(h -> assertThat(h.get("x-api-key")).containsExactly(API_KEY));
            assertThat(r.err()).doesNotContain("WARN");
        }
    }

    @Test
    void anUnreachableCollectorCostsOneWarningAndTheBatchStillSucceeds() {
        String dead = "http://127.0.0.1:" + Pushgateway.freePort();
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli()
                .run("run", "-v", "text,metadata", Corpus.samples().toString(), "--exclude", "broken", "-o", tmp.resolve("out").toString(),
                        "--tracing", "--otlp-endpoint", dead, "--progress", "none"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains(" WARN "))).singleElement().asString()
                .contains("cannot export spans to the OTLP collector at " + dead + "/v1/traces")
                .contains("OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @Test
    void anInvalidTraceparentIsReportedAndTheBatchTracesOnItsOwn() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Cli.Result r = cli().env("TRACEPARENT", "not-a-traceparent")
                    .run("run", "-v", "text,metadata", Corpus.samples().resolve("reports").toString(), "-o", tmp.resolve("out").toString(),
                            "--tracing", "--otlp-endpoint", collector.url(), "--progress", "none");
            assertThat(r.exitCode()).isZero();
            assertThat(r.err()).contains("TRACEPARENT is not a valid W3C traceparent");
            assertThat(collector.named("batch").get(0).parentSpanId()).isEmpty();
        }
    }

    @Test
    void retriesBecomeEventsOnTheSpanOfWhatIsRetried() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            RunOptions options = RunOptions.builder().inputs(List.of("in")).output(tmp.resolve("out"))
                    .telemetry(TelemetrySettings.defaults().withTracing(
                            OtelEnvironment.resolve(true, collector.url(), null, Map.of()))).build();
            Io io = new Io(System.in, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
                    tmp);
            try (EventBus bus = new EventBus();
                    Telemetry telemetry = Telemetry.start(options, io, Clock.systemUTC(), "batch-1", bus)) {
                telemetry.instrumentation().document("a.pdf", () -> {
                    bus.publish(new Event.RetryScheduled("a.pdf", "document", 1, Duration.ofMillis(250),
                            "io-error: stale NFS handle"));
                    return new DocumentResult("a.pdf", "in/a.pdf", Status.SUCCEEDED, 10, "ab", 1, 5, null, List.of(),
                            null);
                });
            }
            Received document = collector.named("document").get(0);
            assertThat(document.span().getEventsList()).singleElement().satisfies(e -> {
                assertThat(e.getName()).isEqualTo("retry");
                assertThat(OtlpReceiver.attributes(e.getAttributesList())).containsEntry("retry.attempt", "1")
                        .containsEntry("retry.delay_ms", "250").containsEntry("retry.what", "document")
                        .containsEntry("retry.reason", "io-error: stale NFS handle");
            });
        }
    }

    @Test
    void anUnknownProtocolIsAUsageError() {
        Cli.Result r = cli().env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")
                .run("run", "-v", "text,metadata", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(), "--tracing");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("OTLP protocol 'http/json' is not supported");
    }
}
