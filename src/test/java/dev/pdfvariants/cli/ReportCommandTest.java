package dev.pdfvariants.cli;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;

/** {@code pdfvariants report} in-process: files it writes, its streams and exit codes. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aWholeRunReportsItselfAndWritesJsonAndHtml() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(cli().run("run", Corpus.samples().resolve("reports").toString(), "-o", out.toString(), "--progress",
                "none", "--environment", "staging").exitCode()).isZero();

        Cli.Result r = cli().in(tmp).run("report", "out", "--json-file", "r/report.json", "--html", "r/report.html");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 of 1 shard(s), 1 document(s)").contains("0-of-1");
        assertThat(r.err()).isEmpty();
        JsonNode json = Json.mapper().readTree(tmp.resolve("r/report.json").toFile());
        assertThat(json.at("/counts/succeeded").asInt()).isEqualTo(1);
        assertThat(json.at("/shards/0/environment").asText()).isEqualTo("staging");
        assertThat(Files.readString(tmp.resolve("r/report.html"))).contains("<table>").contains("Complete");
    }

    @Test
    void aDirectoryWithoutManifestIsAnInputError() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = cli().run("report", tmp.resolve("empty").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("no manifest in").contains("hint:");
        assertThat(cli().run("report", tmp.resolve("nope").toString()).exitCode()).isEqualTo(3);
    }

    @Test
    void reportIsListedInHelpWithItsExitCode() {
        Cli.Result r = cli().run("report", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("missing").contains("6: a shard is missing");
        assertThat(cli().run("--help").out()).contains("report").contains("   6");
    }
}
