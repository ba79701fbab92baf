package dev.pdfvariants.cli;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void samplesRunWritesTextAndMetadataForEveryReadableSampleAndFailsTheBrokenOne() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", Corpus.samples().toString(), "-o", out.toString(), "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        for (String doc : List.of("reports/rooftop-gardens-report", "papers/adaptive-batching-paper",
                "es/informe-bibliotecas", "scanned/scanned-letter")) {
            assertThat(out.resolve(doc + "/text.txt")).isRegularFile();
            assertThat(out.resolve(doc + "/metadata.json")).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("reports/rooftop-gardens-report/text.txt")))
                .contains("Planted roofs stayed much cooler than bitumen roofs.");
        assertThat(Files.readString(out.resolve("es/informe-bibliotecas/text.txt")))
                .contains("¿Quién usa la biblioteca?");

        JsonNode manifest = Pdfs.manifest(out);
        assertThat(manifest.at("/counts/discovered").asInt()).isEqualTo(5);
        assertThat(manifest.at("/counts/failed").asInt()).isEqualTo(1);
        JsonNode broken = Pdfs.document(manifest, "broken/truncated-download.pdf");
        assertThat(broken.get("status").asText()).isEqualTo("failed");
        assertThat(broken.at("/error/kind").asText()).isEqualTo("corrupt");
        JsonNode report = Pdfs.document(manifest, "reports/rooftop-gardens-report.pdf");
        assertThat(report.get("status").asText()).isEqualTo("succeeded");
        assertThat(report.get("pages").asInt()).isEqualTo(2);
        JsonNode firstOutput = report.at("/variants/0/outputs/0");
        Path written = out.resolve(firstOutput.get("path").asText());
        assertThat(Files.size(written)).isEqualTo(firstOutput.get("bytes").asLong());
        assertThat(dev.pdfvariants.output.AtomicFiles.sha256(written)).isEqualTo(firstOutput.get("sha256").asText());

        assertThat(r.err()).contains("failed: broken/truncated-download.pdf: cannot parse the PDF")
                .contains("hint:")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void metadataDescribesPagesInfoAndTextLayer() throws IOException {
        Path out = tmp.resolve("out");
        cli().run("run", Corpus.samples().toString(), "-o", out.toString(), "-v", "metadata", "--progress", "none");

        JsonNode report = Json.mapper().readTree(out.resolve("reports/rooftop-gardens-report/metadata.json").toFile());
        assertThat(report.get("pages").asInt()).isEqualTo(2);
        assertThat(report.get("title").asText()).isEqualTo("Rooftop Gardens and Urban Heat: A Field Report");
        assertThat(report.get("producer").asText()).isEqualTo("pdfvariants sample generator");
        assertThat(report.get("language").asText()).isEqualTo("en-GB");
        assertThat(report.get("hasTextLayer").asBoolean()).isTrue();
        assertThat(report.get("wordCount").asLong()).isBetween(400L, 700L);
        assertThat(report.at("/pageSizes/0/paper").asText()).isEqualTo("A4");
        assertThat(report.at("/encryption/encrypted").asBoolean()).isFalse();
        assertThat(report.get("hasOutline").asBoolean()).isTrue();

        JsonNode scan = Json.mapper().readTree(out.resolve("scanned/scanned-letter/metadata.json").toFile());
        assertThat(scan.get("hasTextLayer").asBoolean()).isFalse();
        assertThat(scan.get("wordCount").asLong()).isZero();
        assertThat(out.resolve("scanned/scanned-letter/text.txt")).doesNotExist();
    }

    @Test
    void textSeparatesPagesWithFormFeeds() throws IOException {
        Path out = tmp.resolve("out");
        cli().run("run", Corpus.samples().resolve("reports").toString(), "-o", out.toString(), "-v", "text",
                "--progress", "none");

        String text = Files.readString(out.resolve("rooftop-gardens-report/text.txt"));
        String[] pages = text.split("\f", -1);
        assertThat(pages).hasSize(2);
        assertThat(pages[0]).contains("1 Introduction");
        assertThat(pages[1]).contains("4 Conclusion");
        assertThat(Files.readString(out.resolve("rooftop-gardens-report/text.md"))).contains("## Page 2");
        assertThat(out.resolve("rooftop-gardens-report/metadata.json")).doesNotExist();
    }

    @Test
    void badInputsFailWithTheirOwnErrorClassAndTheBatchCarriesOn() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("empty.pdf"), new byte[0]);
        Files.writeString(in.resolve("page.pdf"), "<!DOCTYPE html><html><body>404 Not Found</body></html>");
        Files.write(in.resolve("truncated.pdf"), dev.pdfvariants.testing.SampleGenerator.truncated());
        Pdfs.encrypted(in.resolve("locked.pdf"), "Locked text.", "s3cret");
        Pdfs.simple(in.resolve("zz-good.pdf"), "The last document still gets processed.");
        Path out = tmp.resolve("out");

        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode m = Pdfs.manifest(out);
        assertThat(Pdfs.document(m, "empty.pdf").at("/error/kind").asText()).isEqualTo("empty-file");
        assertThat(Pdfs.document(m, "page.pdf").at("/error/kind").asText()).isEqualTo("not-a-pdf");
        assertThat(Pdfs.document(m, "page.pdf").at("/error/message").asText()).contains("HTML");
        assertThat(Pdfs.document(m, "truncated.pdf").at("/error/kind").asText()).isEqualTo("corrupt");
        assertThat(Pdfs.document(m, "locked.pdf").at("/error/kind").asText()).isEqualTo("password-required");
        assertThat(Pdfs.document(m, "locked.pdf").at("/error/remedy").asText()).contains("--password-file");
        assertThat(Pdfs.document(m, "zz-good.pdf").get("status").asText()).isEqualTo("succeeded");
        assertThat(Files.readString(out.resolve("zz-good/text.txt"))).contains("The last document still gets processed.");
        assertThat(r.err()).contains("empty.pdf").contains("page.pdf").contains("locked.pdf").doesNotContain("\tat ");
    }

    @Test
    void encryptedInputOpensWithThePasswordFromTheEnvironmentOrAFileButNotAWrongOne() throws IOException {
        Path in = Pdfs.encrypted(tmp.resolve("in/locked.pdf"), "Confidential minutes of the meeting.", "s3cret");

        Path out1 = tmp.resolve("out1");
        Cli.Result fromEnv = cli().env("PDFVARIANTS_PASSWORD", "s3cret")
                .run("run", in.toString(), "-o", out1.toString(), "--progress", "none");
        assertThat(fromEnv.exitCode()).as(fromEnv.toString()).isZero();
        assertThat(Files.readString(out1.resolve("locked/text.txt"))).contains("Confidential minutes");
        JsonNode meta = Json.mapper().readTree(out1.resolve("locked/metadata.json").toFile());
        assertThat(meta.at("/encryption/algorithm").asText()).isEqualTo("AES-256");

        Path passwordFile = tmp.resolve("pw.txt");
        Files.writeString(passwordFile, "s3cret\n");
        Cli.Result fromFile = cli().run("run", in.toString(), "-o", tmp.resolve("out2").toString(), "--password-file",
                passwordFile.toString(), "--progress", "none");
        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();

        Path out3 = tmp.resolve("out3");
        Cli.Result wrong = cli().env("PDFVARIANTS_PASSWORD", "guess")
                .run("run", in.toString(), "-o", out3.toString(), "--progress", "none");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(Pdfs.document(Pdfs.manifest(out3), "locked.pdf").at("/error/kind").asText()).isEqualTo("wrong-password");
        assertThat(wrong.err()).doesNotContain("guess");
        assertThat(Files.readString(out3.resolve("_run/manifest.json"))).doesNotContain("guess");
    }

    @Test
    void oneAndFourWorkersWriteByteIdenticalOutputsAndManifests() throws IOException {
        Path corpus = Corpus.samples();
        Path out1 = tmp.resolve("j1");
        Path out4 = tmp.resolve("j4");
        cli().run("run", corpus.toString(), "-o", out1.toString(), "-j", "1", "--progress", "none");
        cli().run("run", corpus.toString(), "-o", out4.toString(), "-j", "4", "--progress", "none");

        Map<String, byte[]> a = Pdfs.tree(out1);
        Map<String, byte[]> b = Pdfs.tree(out4);
        a.remove("_run/manifest.json");
        b.remove("_run/manifest.json");
        // per-document states record the outputs' modification times
        a.keySet().removeIf(p -> p.startsWith("_run/state/"));
        b.keySet().removeIf(p -> p.startsWith("_run/state/"));
        assertThat(a.keySet()).isEqualTo(b.keySet()).isNotEmpty();
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
        assertThat(withoutTimings(Pdfs.manifest(out1), out1)).isEqualTo(withoutTimings(Pdfs.manifest(out4), out4));
    }

    /** The manifest minus what legitimately differs between runs: the run block, durations and the output root. */
    static JsonNode withoutTimings(JsonNode manifest, Path out) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("run");
        for (JsonNode d : copy.get("documents")) {
            ((ObjectNode) d).remove("durationMs");
            for (JsonNode v : d.get("variants")) {
                ((ObjectNode) v).remove("durationMs");
            }
        }
        return copy;
    }

    @Test
    void jsonPrintsAMachineSummaryOnStdoutAndNothingElse() throws IOException {
        Cli.Result r = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(), "--json",
                "--progress", "none");

        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.get("discovered").asInt()).isEqualTo(5);
        assertThat(summary.get("succeeded").asInt()).isEqualTo(4);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("exitCode").asInt()).isEqualTo(1);
        assertThat(summary.at("/failures/0/path").asText()).isEqualTo("broken/truncated-download.pdf");
        assertThat(r.err()).contains("pdfvariants: 5 documents");
    }

    @Test
    void pathsAreReadFromStdinLineByLineOrNulSeparated() throws IOException {
        Path a = Pdfs.simple(tmp.resolve("docs/a.pdf"), "Alpha document.");
        Path b = Pdfs.simple(tmp.resolve("docs/sub/b.pdf"), "Beta document.");

        Cli.Result lines = cli().in(tmp).stdin("docs/a.pdf\n\ndocs/sub/b.pdf\n")
                .run("run", "-", "-o", "out1", "--progress", "none");
        assertThat(lines.exitCode()).as(lines.toString()).isZero();
        assertThat(tmp.resolve("out1/docs/a/text.txt")).isRegularFile();
        assertThat(tmp.resolve("out1/docs/sub/b/text.txt")).isRegularFile();

        Cli.Result nul = cli().in(tmp).stdin(a + "\0" + b + "\0").run("run", "-0", "-", "-o", "out2", "--progress", "none");
        assertThat(nul.exitCode()).as(nul.toString()).isZero();
        assertThat(Pdfs.manifest(tmp.resolve("out2")).at("/counts/succeeded").asInt()).isEqualTo(2);
    }

    @Test
    void includeAndExcludeGlobsSelectWalkedFiles() throws IOException {
        Path in = tmp.resolve("in");
        Pdfs.simple(in.resolve("report-2024.pdf"), "One.");
        Pdfs.simple(in.resolve("report-2025.pdf"), "Two.");
        Pdfs.simple(in.resolve("draft-report.pdf"), "Three.");
        Pdfs.simple(in.resolve("old/report-2019.pdf"), "Four.");
        Files.writeString(in.resolve("notes.txt"), "not a pdf, not walked");

        Cli.Result r = cli().run("run", in.toString(), "-o", tmp.resolve("out").toString(), "--include", "report-*",
                "--exclude", "old", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> paths = new ArrayList<>();
        Pdfs.manifest(tmp.resolve("out")).get("documents").forEach(d -> paths.add(d.get("path").asText()));
        assertThat(paths).containsExactly("report-2024.pdf", "report-2025.pdf");
    }

    @Test
    void usageErrorsExitTwoWithAOneLineReasonAndAHint() {
        Cli.Result unknown = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("o").toString(), "-v",
                "text,sumary");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown variant 'sumary'").contains("Valid variants: text, metadata");
        assertThat(tmp.resolve("o")).doesNotExist();

        Cli.Result noOutput = cli().run("run", Corpus.samples().toString());
        assertThat(noOutput.exitCode()).isEqualTo(2);
        assertThat(noOutput.err()).contains("--output").contains("hint:");

        Cli.Result badTimeout = cli().run("run", "x", "-o", "y", "--timeout", "soon");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("'soon' is not a duration");

        Cli.Result zeroWorkers = cli().run("run", "x", "-o", "y", "-j", "0");
        assertThat(zeroWorkers.exitCode()).isEqualTo(2);
        assertThat(zeroWorkers.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void missingInputExitsThreeBeforeWritingAnything() {
        Cli.Result r = cli().run("run", Corpus.samples().toString(), "no-such-dir", "-o", tmp.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("input not found: no-such-dir");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void unwritableOutputExitsFour() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "in the way");
        Cli.Result r = cli().run("run", Corpus.samples().toString(), "-o", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("cannot write to output directory");
        assertThat(Files.readString(file)).isEqualTo("in the way");
    }

    @Test
    void nothingMatchedExitsFive() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = cli().run("run", tmp.resolve("empty").toString(), "-o", tmp.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("no PDF found");
    }

    @Test
    void maxFailuresStopsTakingNewDocuments() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 0; i < 6; i++) {
            // larger than the good one, which therefore comes last in discovery and in size (largest first)
            Files.write(in.resolve("bad-" + i + ".pdf"), new byte[64 << 10]);
        }
        Pdfs.simple(in.resolve("zz-good.pdf"), "Never reached.");

        Cli.Result r = cli().run("run", in.toString(), "-o", tmp.resolve("o").toString(), "-j", "1",
                "--max-failures", "2", "--json", "--progress", "none");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.get("stopReason").asText()).contains("--max-failures 2");
        assertThat(summary.get("discovered").asInt()).isLessThan(7);
        assertThat(tmp.resolve("o/zz-good")).doesNotExist();
    }

    @Test
    void environmentVariablesSetOptionDefaultsAndFlagsWin() throws IOException {
        Cli.Result r = cli().env("PDFVARIANTS_VARIANTS", "metadata")
                .run("run", Corpus.samples().resolve("reports").toString(), "-o", tmp.resolve("o").toString(),
                        "--progress", "none");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(tmp.resolve("o/rooftop-gardens-report/metadata.json")).isRegularFile();
        assertThat(tmp.resolve("o/rooftop-gardens-report/text.txt")).doesNotExist();

        cli().env("PDFVARIANTS_VARIANTS", "metadata").run("run", Corpus.samples().resolve("reports").toString(), "-o",
                tmp.resolve("o2").toString(), "-v", "text", "--progress", "none");
        assertThat(tmp.resolve("o2/rooftop-gardens-report/text.txt")).isRegularFile();
        assertThat(tmp.resolve("o2/rooftop-gardens-report/metadata.json")).doesNotExist();
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Result r = cli().run("run", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Exit codes:").contains("0   all documents succeeded")
                .contains("4   output not writable").contains("143   terminated");
    }

    @Test
    void rerunReplacesOutputsInPlaceAndLeavesNoTemporaryFiles() throws IOException {
        Path out = tmp.resolve("out");
        cli().run("run", Corpus.samples().toString(), "-o", out.toString(), "--progress", "none");
        cli().run("run", Corpus.samples().toString(), "-o", out.toString(), "--progress", "none");
        assertThat(Pdfs.tree(out).keySet()).noneMatch(p -> p.endsWith(".pdfvariants-partial"));
        assertThat(new String(Files.readAllBytes(out.resolve("papers/adaptive-batching-paper/text.txt")),
                StandardCharsets.UTF_8)).contains("Adaptive Batching");
    }

    @Test
    void twoInputsThatWouldShareAnOutputDirectoryLeaveItToTheFirstAndTheSecondFailsNamingIt() throws IOException {
        Path in = tmp.resolve("collide");
        Files.createDirectories(in);
        Files.copy(Corpus.samples().resolve("reports/rooftop-gardens-report.pdf"), in.resolve("x.pdf"));
        Files.copy(Corpus.samples().resolve("reports/rooftop-gardens-report.pdf"), in.resolve("x"));
        String[][] orders = {{"x.pdf", "x"}, {"x", "x.pdf"}};
        for (String[] order : orders) {
            Path out = tmp.resolve("collide-out-" + order[0]);
            Cli.Result r = cli().in(in).run("run", order[0], order[1], "-o", out.toString(), "-v", "text", "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            JsonNode manifest = Pdfs.manifest(out);
            assertThat(Pdfs.document(manifest, order[0]).get("status").asText()).isEqualTo("succeeded");
            JsonNode second = Pdfs.document(manifest, order[1]);
            assertThat(second.at("/error/kind").asText()).isEqualTo("output-collision");
            assertThat(second.at("/error/message").asText()).endsWith("already used by " + order[0]);
        }
    }
}
