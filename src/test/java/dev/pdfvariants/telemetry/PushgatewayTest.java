package dev.pdfvariants.telemetry;

import static dev.pdfvariants.testing.Cli.cli;
import static dev.pdfvariants.testing.Pushgateway.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.ProgressMode;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.config.Shard;
import dev.pdfvariants.config.TelemetrySettings;
import dev.pdfvariants.config.TelemetrySettings.MetricsSettings;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.schedule.BatchRunner;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.Pushgateway;
import dev.pdfvariants.variant.VariantRegistry;

/** Metrics pushed to a real Prometheus Pushgateway and read back from its {@code /metrics}. */
class PushgatewayTest {

    @TempDir
    Path tmp;

    @Test
    void aBatchPushesItsDocumentsPagesAndVariantsWithTheValuesOfItsManifest() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"))) {
            Path out = tmp.resolve("out");
            Cli.Result r = cli().env("ENVIRONMENT", "staging")
                    .run("run", Corpus.samples().toString(), "-o", out.toString(), "--pushgateway", gateway.url(),
                            "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);

            String pushed = gateway.metrics();
            String[] group = {"job", "pdfvariants", "instance", "0-of-1", "environment", "staging"};
            JsonNode manifest = Pdfs.manifest(out);
            assertThat(value(pushed, "pdfvariants_documents_total", with(group, "outcome", "succeeded"))).isEqualTo(4.0);
            assertThat(value(pushed, "pdfvariants_documents_total", with(group, "outcome", "failed"))).isEqualTo(1.0);
            assertThat(value(pushed, "pdfvariants_documents_discovered_total", group)).isEqualTo(5.0);
            long pages = 0;
            long bytes = 0;
            int textSucceeded = 0;
            int metadataSucceeded = 0;
            for (JsonNode d : manifest.get("documents")) {
                pages += d.path("pages").asLong(0);
                bytes += d.has("sha256") ? d.get("bytes").asLong() : 0;
                for (JsonNode v : d.get("variants")) {
                    boolean ok = v.get("status").asText().equals("succeeded");
                    textSucceeded += ok && v.get("name").asText().equals("text") ? 1 : 0;
                    metadataSucceeded += ok && v.get("name").asText().equals("metadata") ? 1 : 0;
                }
            }
            assertThat(pages).isGreaterThan(4);
            assertThat(value(pushed, "pdfvariants_pages_processed_total", group)).isEqualTo((double) pages);
            assertThat(value(pushed, "pdfvariants_bytes_read_total", group)).isEqualTo((double) bytes);
            assertThat(value(pushed, "pdfvariants_variants_generated_total",
                    with(group, "variant", "text", "outcome", "succeeded"))).isEqualTo((double) textSucceeded).isEqualTo(4.0);
            assertThat(value(pushed, "pdfvariants_variants_generated_total",
                    with(group, "variant", "metadata", "outcome", "succeeded"))).isEqualTo((double) metadataSucceeded);
            assertThat(value(pushed, "pdfvariants_document_duration_seconds_count", group)).isEqualTo(5.0);
            assertThat(value(pushed, "pdfvariants_variant_duration_seconds_count", with(group, "variant", "text")))
                    .isEqualTo(4.0);
            assertThat(value(pushed, "pdfvariants_batch_exit_code", group)).isEqualTo(1.0);
            assertThat(value(pushed, "pdfvariants_circuit_breaker_state", with(group, "name", "pushgateway"))).isZero();
            assertThat(value(pushed, "jvm_memory_used_bytes", with(group, "area", "heap", "id", "PS Eden Space")))
                    .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isPositive());
            assertThat(pushed).contains("jvm_memory_used_bytes{");
            assertThat(value(pushed, "pdfvariants_batch_last_success_timestamp_seconds", group))
                    .as("a failed batch pushes no success time").isNull();
            assertThat(r.err()).doesNotContain("WARN");
        }
    }

    @Test
    void aSuccessfulBatchPushesItsSuccessTimeAndALaterFailedOneLeavesItInPlace() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"))) {
            long before = System.currentTimeMillis() / 1000;
            Cli.Result ok = cli().run("run", Corpus.samples().resolve("reports").toString(), "-o",
                    tmp.resolve("out1").toString(), "--pushgateway", gateway.url(), "--progress", "none");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            long after = System.currentTimeMillis() / 1000 + 1;
            Double success = value(gateway.metrics(), "pdfvariants_batch_last_success_timestamp_seconds",
                    "instance", "0-of-1");
            assertThat(success).isBetween((double) before, (double) after);

            Cli.Result failed = cli().run("run", Corpus.samples().resolve("broken").toString(), "-o",
                    tmp.resolve("out2").toString(), "--pushgateway", gateway.url(), "--progress", "none");
            assertThat(failed.exitCode()).isEqualTo(1);
            String pushed = gateway.metrics();
            assertThat(value(pushed, "pdfvariants_documents_total", "instance", "0-of-1", "outcome", "failed"))
                    .isEqualTo(1.0);
            assertThat(value(pushed, "pdfvariants_documents_total", "instance", "0-of-1", "outcome", "succeeded"))
                    .as("the failed batch's counts replace the earlier ones").isZero();
            assertThat(value(pushed, "pdfvariants_batch_last_success_timestamp_seconds", "instance", "0-of-1"))
                    .as("the earlier success time survives").isEqualTo(success);
        }
    }

    @Test
    void twoShardsPushUnderTheirOwnInstanceWithoutOverwritingEachOther() throws Exception {
        List<String> inputs = List.of(Corpus.samples().resolve("reports").toString(),
                Corpus.samples().resolve("papers").toString(), Corpus.samples().resolve("es").toString());
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"))) {
            assertThat(runShard(gateway, new Shard(0, 2), inputs)).isEqualTo(ExitCode.OK);
            assertThat(runShard(gateway, new Shard(1, 2), inputs)).isEqualTo(ExitCode.OK);

            String pushed = gateway.metrics();
            double total = 0;
            for (Shard shard : List.of(new Shard(0, 2), new Shard(1, 2))) {
                JsonNode manifest = Json.mapper().readTree(
                        tmp.resolve("out-" + shard.label()).resolve("_run/manifest-" + shard.label() + ".json").toFile());
                double succeeded = manifest.at("/counts/succeeded").asDouble();
                Double pushedValue = value(pushed, "pdfvariants_documents_total", "job", "pdfvariants", "instance",
                        shard.label(), "outcome", "succeeded");
                assertThat(pushedValue == null ? 0.0 : pushedValue).as(shard.label()).isEqualTo(succeeded);
                assertThat(value(pushed, "pdfvariants_batch_last_success_timestamp_seconds", "instance", shard.label()))
                        .as(shard.label()).isNotNull();
                total += succeeded;
            }
            assertThat(total).as("the two shards together cover the three documents").isEqualTo(3.0);
        }
    }

    private ExitCode runShard(Pushgateway gateway, Shard shard, List<String> inputs) {
        MetricsSettings metrics = new MetricsSettings(URI.create(gateway.url()), Duration.ZERO, Duration.ofSeconds(3),
                "pdfvariants", null, null, null, null);
        RunOptions options = RunOptions.builder().inputs(inputs).output(tmp.resolve("out-" + shard.label()))
                .workers(2).progress(ProgressMode.NONE).shard(shard)
                .telemetry(TelemetrySettings.defaults().withMetrics(metrics)).build();
        Io io = new Io(System.in, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(), tmp);
        return new BatchRunner(VariantRegistry.standard(), Clock.systemUTC()).run(options, io);
    }

    @Test
    void withTheGatewayStoppedTheBatchStillExitsZeroAndLogsOneWarning() throws Exception {
        String url;
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"))) {
            url = gateway.url();
        }
        Path out = tmp.resolve("out");
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli()
                .run("run", Corpus.samples().resolve("reports").toString(), "-o", out.toString(), "--pushgateway", url,
                        "--push-interval", "50ms", "--progress", "none"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(out.resolve("_run/manifest.json")).isRegularFile();
        List<String> warnings = r.err().lines().filter(l -> l.contains(" WARN ")).toList();
        assertThat(warnings).as(r.err()).hasSize(1);
        assertThat(warnings.get(0)).contains("cannot push metrics to the Pushgateway at " + url)
                .contains("the batch goes on").contains("PUSHGATEWAY_URL");
    }

    @Test
    void aGatewayThatNeverAnswersCostsOnlyThePushTimeout() throws Exception {
        // accepts connections into its backlog but never reads or answers: the read timeout must end the push
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli()
                    .run("run", Corpus.samples().resolve("reports").toString(), "-o", tmp.resolve("out").toString(),
                            "--pushgateway", url, "--push-timeout", "500ms", "--progress", "none"));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err().lines().filter(l -> l.contains(" WARN "))).singleElement().asString()
                    .contains("cannot push metrics").contains("timed out");
        }
    }

    @Test
    void basicAuthCredentialsFromAFileAreAcceptedByAGatewayThatRequiresThem() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"), Pushgateway.TEST_USER, Pushgateway.TEST_PASSWORD,
                Pushgateway.TEST_PASSWORD_BCRYPT)) {
            Path passwordFile = tmp.resolve("pushgateway-password");
            Files.writeString(passwordFile, Pushgateway.TEST_PASSWORD + "\n");

            Cli.Result denied = cli().run("run", Corpus.samples().resolve("reports").toString(), "-o",
                    tmp.resolve("out1").toString(), "--pushgateway", gateway.url(), "--progress", "none");
            assertThat(denied.exitCode()).isZero();
            assertThat(denied.err()).contains("cannot push metrics").contains("401");

            Cli.Result r = cli().run("run", Corpus.samples().resolve("reports").toString(), "-o",
                    tmp.resolve("out2").toString(), "--pushgateway", gateway.url(), "--pushgateway-user", Pushgateway.TEST_USER,
                    "--pushgateway-password-file", passwordFile.toString(), "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).doesNotContain("WARN").doesNotContain(Pushgateway.TEST_PASSWORD);
            assertThat(value(gateway.metrics(), "pdfvariants_documents_total", "outcome", "succeeded")).isEqualTo(1.0);
        }
    }

    @Test
    void metricsArePushedPeriodicallyWhileTheBatchRuns() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"))) {
            MetricsSettings settings = new MetricsSettings(URI.create(gateway.url()), Duration.ofMillis(100),
                    Duration.ofSeconds(3), "pdfvariants", null, null, null, null);
            BatchMetrics metrics = new BatchMetrics(null, java.util.Map::of, Clock.systemUTC());
            try (MetricsPublisher publisher = new MetricsPublisher(settings, metrics, "0-of-1",
                    new dev.pdfvariants.resilience.EndpointBreakers(new dev.pdfvariants.event.EventBus())
                            .forEndpoint("pushgateway"), "batch-id")) {
                metrics.onEvent(new dev.pdfvariants.event.Event.DocumentDiscovered("a.pdf", 10));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                Double seen = null;
                while (seen == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    seen = value(gateway.metrics(), "pdfvariants_documents_discovered_total", "instance", "0-of-1");
                }
                assertThat(seen).as("pushed before the batch closed").isEqualTo(1.0);
            }
        }
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

}
