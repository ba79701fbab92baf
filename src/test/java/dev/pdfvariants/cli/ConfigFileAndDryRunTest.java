package dev.pdfvariants.cli;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;

/** {@code --config FILE}, the precedence of flags, environment and config file, and {@code run --dry-run}. */
class ConfigFileAndDryRunTest {
    @TempDir
    Path tmp;

    private static Map<String, JsonNode> configuration(Cli.Result r) throws IOException {
        JsonNode plan = Json.mapper().readTree(r.out());
        Map<String, JsonNode> byKey = new HashMap<>();
        plan.get("configuration").forEach(e -> byKey.put(e.get("key").asText(), e));
        return byKey;
    }

    private Cli.Result dryRun(Cli cli, String... extra) {
        String[] args = new String[extra.length + 6];
        args[0] = "run";
        args[1] = Corpus.samples().toString();
        args[2] = "--dry-run";
        args[3] = "--json";
        args[4] = "-o";
        args[5] = tmp.resolve("out").toString();
        System.arraycopy(extra, 0, args, 6, extra.length);
        return cli.run(args);
    }

    @Test
    void flagBeatsEnvironmentBeatsConfigFileBeatsDefault() throws IOException {
        Path config = Files.writeString(tmp.resolve("batch.yaml"), """
                # every key is an option's long name
                workers: 3
                timeout: 45s
                max-failures: 7
                variants: [text, metadata]
                text-order: position
                """);
        Cli.Result r = dryRun(cli().env("PDFVARIANTS_TIMEOUT", "50s").env("PDFVARIANTS_MAX_FAILURES", "8"),
                "--config", config.toString(), "--max-failures", "9");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, JsonNode> c = configuration(r);
        assertThat(c.get("workers").get("value").asText()).isEqualTo("3");
        assertThat(c.get("workers").get("source").asText()).isEqualTo("config file " + config + " (workers)");
        assertThat(c.get("timeout").get("value").asText()).isEqualTo("50s");
        assertThat(c.get("timeout").get("source").asText()).isEqualTo("environment variable PDFVARIANTS_TIMEOUT");
        assertThat(c.get("max-failures").get("value").asText()).isEqualTo("9");
        assertThat(c.get("max-failures").get("source").asText()).isEqualTo("command line (--max-failures)");
        assertThat(c.get("variants").get("value").asText()).isEqualTo("text,metadata");
        assertThat(c.get("text-order").get("value").asText()).isEqualToIgnoringCase("position");
        assertThat(c.get("progress").get("source").asText()).isEqualTo("default");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void propertiesFilesWorkTooAndTheConfigFileCanComeFromTheEnvironment() throws IOException {
        Path config = Files.writeString(tmp.resolve("batch.properties"), "workers=2\nenvironment=staging\n");
        Cli.Result r = dryRun(cli().env("PDFVARIANTS_CONFIG", config.toString()));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, JsonNode> c = configuration(r);
        assertThat(c.get("workers").get("value").asText()).isEqualTo("2");
        assertThat(c.get("environment").get("value").asText()).isEqualTo("staging");
        assertThat(c.get("config").get("source").asText()).isEqualTo("environment variable PDFVARIANTS_CONFIG");
    }

    @Test
    void theDryRunMasksSecretsAndListsTheShardsDocuments() throws IOException {
        Cli.Result r = dryRun(cli().env("PDFVARIANTS_PASSWORD", "hunter2-planted").env("CLOUD_RUN_TASK_INDEX", "1")
                .env("CLOUD_RUN_TASK_COUNT", "2"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("hunter2-planted");
        Map<String, JsonNode> c = configuration(r);
        assertThat(c.get("password").get("value").asText()).isEqualTo("****");
        assertThat(c.get("password").get("source").asText()).contains("PDFVARIANTS_PASSWORD");
        assertThat(c.get("shard").get("value").asText()).isEqualTo("1/2 (1-of-2)");
        assertThat(c.get("shard").get("source").asText()).contains("CLOUD_RUN_TASK_INDEX=1");
        JsonNode plan = Json.mapper().readTree(r.out());
        assertThat(plan.get("discovered").asInt()).isEqualTo(5);
        assertThat(plan.get("documents").size()).isLessThan(5);
        assertThat(plan.get("manifest").asText()).endsWith("manifest-1-of-2.json");
    }

    @Test
    void theHumanDryRunSaysWhereEachValueCameFrom() {
        Cli.Result r = cli().env("PDFVARIANTS_WORKERS", "3").run("run", Corpus.samples().toString(), "-o",
                tmp.resolve("out").toString(), "--dry-run", "--shard", "0/1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("workers +3 +environment variable PDFVARIANTS_WORKERS")
                .containsPattern("shard +0/1 \\(0-of-1\\) +command line \\(--shard\\)")
                .contains("Documents: 5").contains("reports/rooftop-gardens-report.pdf")
                .contains("nothing was written");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownKeyIsAUsageErrorWithASuggestion() throws IOException {
        Path config = Files.writeString(tmp.resolve("c.yml"), "wokers: 3\n");
        Cli.Result r = dryRun(cli(), "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown key 'wokers' (did you mean 'workers'?)").contains("hint:");
    }

    @Test
    void aBadValueInTheConfigFileIsNamedWithItsOrigin() throws IOException {
        Path config = Files.writeString(tmp.resolve("c.yml"), "workers: many\n");
        Cli.Result r = dryRun(cli(), "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'many'").contains("from config file " + config + " (workers)");
    }

    @Test
    void aMissingOrMalformedConfigFileIsAUsageError() throws IOException {
        Cli.Result missing = dryRun(cli(), "--config", tmp.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml does not exist");

        Path broken = Files.writeString(tmp.resolve("b.yaml"), "workers: [1\n");
        Cli.Result malformed = dryRun(cli(), "--config", broken.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("is not valid YAML");

        Path nested = Files.writeString(tmp.resolve("n.yaml"), "run:\n  workers: 2\n");
        assertThat(dryRun(cli(), "--config", nested.toString()).err()).contains("nested sections are not supported");
    }

    @Test
    void engineVariablesAreDetectedForEachEngine() throws IOException {
        record Case(Map<String, String> env, String label) {
        }
        for (Case c : new Case[] {
            new Case(Map.of("JOB_COMPLETION_INDEX", "2", "SHARD_COUNT", "3"), "2-of-3"),
            new Case(Map.of("CLOUD_RUN_TASK_INDEX", "4", "CLOUD_RUN_TASK_COUNT", "5"), "4-of-5"),
            new Case(Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "8",
                    "SLURM_ARRAY_TASK_COUNT", "8"), "6-of-8"),
            new Case(Map.of(), "0-of-1")}) {
            Cli cli = cli();
            c.env().forEach(cli::env);
            Cli.Result r = dryRun(cli);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(Json.mapper().readTree(r.out()).get("shard").asText()).as(c.env().toString()).isEqualTo(c.label());
        }
        Cli.Result noCount = dryRun(cli().env("JOB_COMPLETION_INDEX", "1"));
        assertThat(noCount.exitCode()).isEqualTo(2);
        assertThat(noCount.err()).contains("JOB_COMPLETION_INDEX=1").contains("SHARD_COUNT");
    }

    @Test
    void aShardOutOfRangeOnTheCommandLineIsAUsageError() {
        Cli.Result r = dryRun(cli(), "--shard", "3/3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("numbered from 0");
    }
}
