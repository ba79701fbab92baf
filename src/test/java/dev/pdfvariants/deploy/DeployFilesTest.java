package dev.pdfvariants.deploy;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pushgateway;

/**
 * The files under {@code deploy/}: alert rules checked and unit-tested with promtool, the metrics
 * file accepted by promtool, and a Grafana dashboard whose queries parse and name metrics a batch
 * really writes. The promtool parts skip when promtool (Debian package {@code prometheus}) is missing.
 */
class DeployFilesTest {
    private static final Path PROMETHEUS = Path.of("deploy/prometheus");
    private static final Path DASHBOARD = Path.of("deploy/grafana/pdfvariants.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:pdfvariants|jvm)_[a-z_]+)\\b");

    @TempDir
    Path tmp;

    @Test
    void alertRulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
        Run check = promtool(PROMETHEUS, null, "check", "rules", "alerts.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 3 rules found");
        Run unit = promtool(PROMETHEUS, null, "test", "rules", "alerts_test.yml");
        assertThat(unit.exitCode()).as(unit.output()).isZero();
    }

    @Test
    void theMetricsFileIsValidTextFormatAndKeepsTheLastSuccessAcrossAFailedBatch() throws Exception {
        Path file = tmp.resolve("textfile/pdfvariants.prom");
        Cli.Result ok = cli().env("ENVIRONMENT", "prod").run("run", Corpus.samples().resolve("reports").toString(),
                "-o", tmp.resolve("out1").toString(), "--metrics-file", file.toString(), "--progress", "none");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        String first = Files.readString(file);
        Double success = Pushgateway.value(first, "pdfvariants_batch_last_success_timestamp_seconds");
        assertThat(success).isNotNull();
        assertThat(Pushgateway.value(first, "pdfvariants_documents_total", "outcome", "succeeded", "environment", "prod"))
                .isEqualTo(1.0);
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .as("no temporary file is left beside it").containsExactly("pdfvariants.prom");

        Cli.Result failed = cli().env("ENVIRONMENT", "prod").run("run", Corpus.samples().toString(), "-o",
                tmp.resolve("out2").toString(), "--metrics-file", file.toString(), "--progress", "none");
        assertThat(failed.exitCode()).isEqualTo(1);
        String second = Files.readString(file);
        assertThat(Pushgateway.value(second, "pdfvariants_documents_total", "outcome", "failed")).isEqualTo(1.0);
        assertThat(Pushgateway.value(second, "pdfvariants_batch_last_success_timestamp_seconds")).isEqualTo(success);

        Run check = promtool(tmp, second, "check", "metrics");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).isBlank();
    }

    @Test
    void theDashboardIsGrafanaJsonWhoseQueriesNameMetricsABatchWrites() throws Exception {
        JsonNode dashboard = Json.mapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.get("title").asText()).isEqualTo("pdfvariants");
        assertThat(dashboard.get("uid").asText()).isNotBlank();
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("title").asText()).isNotBlank();
            assertThat(panel.get("gridPos").get("w").asInt()).isBetween(1, 24);
            assertThat(panel.get("targets")).isNotEmpty();
            panel.get("targets").forEach(t -> exprs.add(t.get("expr").asText()));
        }
        String all = String.join("\n", exprs);
        assertThat(all).as("throughput").contains("rate(pdfvariants_documents_total")
                .as("failures").contains("outcome=\"failed\"")
                .as("durations").contains("histogram_quantile(0.5,").contains("histogram_quantile(0.95,")
                .contains("histogram_quantile(0.99,")
                .as("cache hit rate").contains("pdfvariants_cache_hits_total").contains("pdfvariants_cache_misses_total");

        Path file = tmp.resolve("metrics.prom");
        // with a Pushgateway configured (here a dead one), so that its circuit breaker has a state to show
        Cli.Result r = cli().run("run", Corpus.samples().resolve("reports").toString(), "-o", tmp.resolve("out").toString(),
                "--metrics-file", file.toString(), "--pushgateway", "http://127.0.0.1:" + Pushgateway.freePort(),
                "--progress", "none");
        assertThat(r.exitCode()).isZero();
        Set<String> written = Pushgateway.samples(Files.readString(file)).stream().map(Pushgateway.Sample::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> referenced = new TreeSet<>();
        Matcher m = METRIC.matcher(all);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        assertThat(referenced).hasSizeGreaterThan(10);
        assertThat(written).containsAll(referenced);

        // every query is valid PromQL once Grafana's variables are substituted
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            String promql = exprs.get(i).replace("$__rate_interval", "5m").replace("$job", ".*").replace("$instance", ".*");
            rules.append("      - record: dashboard:query").append(i).append("\n        expr: '")
                    .append(promql.replace("'", "''")).append("'\n");
        }
        Path rulesFile = Files.writeString(tmp.resolve("dashboard-rules.yml"), rules);
        Run check = promtool(tmp, null, "check", "rules", rulesFile.getFileName().toString());
        assertThat(check.exitCode()).as(check.output() + "\n" + rules).isZero();
    }

    record Run(int exitCode, String output) {
    }

    private static Run promtool(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        Path binary = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(binary != null, "promtool is not installed (apt-get install prometheus)");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    private interface Stream {
        static <T> java.util.stream.Stream<T> of(T[] values) {
            return java.util.Arrays.stream(values);
        }
    }
}
