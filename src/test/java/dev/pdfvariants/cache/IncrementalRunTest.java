package dev.pdfvariants.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.TestVariants;

/** Re-runs: what is up to date is skipped (and still listed), what changed is redone. */
class IncrementalRunTest {
    @TempDir
    Path tmp;

    private Path in;
    private Path out;

    @BeforeEach
    void inputs() throws IOException {
        in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(Corpus.samples().resolve("reports/rooftop-gardens-report.pdf"), in.resolve("report.pdf"));
        Files.copy(Corpus.samples().resolve("es/informe-bibliotecas.pdf"), in.resolve("informe.pdf"));
        Files.copy(Corpus.samples().resolve("broken/truncated-download.pdf"), in.resolve("broken.pdf"));
        out = tmp.resolve("out");
    }

    private Cli.Result run(String... extra) {
        return run(Cli.cli().registry(TestVariants.registry()), extra);
    }

    private Cli.Result run(Cli cli, String... extra) {
        String[] args = Stream.concat(Stream.of("run", in.toString(), "-o", out.toString(), "--progress", "none"),
                Stream.of(extra)).toArray(String[]::new);
        return cli.run(args);
    }

    private static JsonNode variant(JsonNode document, String name) {
        for (JsonNode v : document.get("variants")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + name + " in " + document);
    }

    /** Every file under OUT (the lock file aside) with its modification time. */
    private Map<String, FileTime> times() throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String rel = out.relativize(p).toString();
                if (!rel.equals("_run/lock") && !rel.equals("_run/manifest.json")) {
                    times.put(rel, Files.getLastModifiedTime(p));
                }
            }
        }
        return times;
    }

    @Test
    void anUnchangedReRunSkipsEveryDocumentListsItsOutputsAndWritesNothing() throws IOException {
        assertThat(run().exitCode()).isEqualTo(1);
        JsonNode first = Pdfs.manifest(out);
        Map<String, FileTime> before = times();

        Cli.Result again = run();
        assertThat(again.exitCode()).as("the broken file still fails").isEqualTo(1);
        JsonNode second = Pdfs.manifest(out);
        assertThat(second.at("/counts/skipped").asInt()).isEqualTo(2);
        assertThat(second.at("/counts/failed").asInt()).isEqualTo(1);
        for (String doc : new String[] {"report.pdf", "informe.pdf"}) {
            JsonNode d = Pdfs.document(second, doc);
            assertThat(d.get("status").asText()).isEqualTo("skipped");
            assertThat(d.get("pages").asInt()).isEqualTo(Pdfs.document(first, doc).get("pages").asInt());
            for (String name : new String[] {"text", "metadata"}) {
                JsonNode v = variant(d, name);
                assertThat(v.get("reason").asText()).isEqualTo("cached");
                assertThat(v.get("outputs")).isEqualTo(variant(Pdfs.document(first, doc), name).get("outputs"));
                assertThat(v.get("cacheKey").asText()).isEqualTo(variant(Pdfs.document(first, doc), name)
                        .get("cacheKey").asText()).hasSize(64);
            }
        }
        assertThat(Pdfs.document(second, "broken.pdf").at("/error/kind").asText()).isEqualTo("corrupt");
        assertThat(times()).as("outputs and states untouched").isEqualTo(before);
    }

    @Test
    void temporaryFilesLeftByAKilledRunAreSweptFromUpToDateDocumentsToo() throws IOException {
        run();
        Path leftover = out.resolve("report/.text.txt.1f2e3d" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(leftover, "half of a file");
        run();
        assertThat(leftover).doesNotExist();
        assertThat(Pdfs.document(Pdfs.manifest(out), "report.pdf").get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void temporaryFilesLeftInAVariantsDirectoryAreSweptToo() throws IOException {
        run("-v", "thumbnails");
        Path leftover = out.resolve("report/thumbnails/.page-2.png.9a8b7c" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(leftover, "half of an image");
        Files.setLastModifiedTime(leftover, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        run("-v", "thumbnails");
        assertThat(leftover).doesNotExist();
        assertThat(out.resolve("report/thumbnails/page-1.png")).exists();
    }

    @Test
    void aChangedInputIsRedoneAndTheOthersAreNot() throws IOException {
        run();
        Pdfs.simple(in.resolve("informe.pdf"), "A different document under the same name.");
        run();
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(Pdfs.document(manifest, "informe.pdf").get("status").asText()).isEqualTo("succeeded");
        assertThat(Files.readString(out.resolve("informe/text.txt"))).contains("A different document");
        assertThat(Pdfs.document(manifest, "report.pdf").get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void changedOptionsRedoOnlyTheVariantsTheyShape() throws IOException {
        run();
        run("--text-order", "position");
        JsonNode report = Pdfs.document(Pdfs.manifest(out), "report.pdf");
        assertThat(report.get("status").asText()).isEqualTo("succeeded");
        assertThat(variant(report, "text").get("status").asText()).isEqualTo("succeeded");
        assertThat(variant(report, "metadata").get("reason").asText()).isEqualTo("cached");
        // and back: the earlier outputs are gone, so it is redone, not skipped
        run();
        assertThat(variant(Pdfs.document(Pdfs.manifest(out), "report.pdf"), "text").get("status").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void aNewVersionOfAVariantRedoesItsOutputs() throws IOException {
        run(Cli.cli().registry(TestVariants.registry(new TestVariants.Versioned(1))), "-v", "versioned");
        run(Cli.cli().registry(TestVariants.registry(new TestVariants.Versioned(1))), "-v", "versioned");
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "versioned")).isEqualTo(1);
        run(Cli.cli().registry(TestVariants.registry(new TestVariants.Versioned(2))), "-v", "versioned");
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "versioned")).isEqualTo(2);
        assertThat(out.resolve("report/versioned.txt")).hasContent("version 2");
    }

    @Test
    void forceIgnoresTheCache() throws IOException {
        run("-v", "versioned");
        run("-v", "versioned", "--force");
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "versioned")).isEqualTo(2);
        assertThat(Pdfs.document(Pdfs.manifest(out), "report.pdf").get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aMissingOrAlteredOutputIsMadeAgain() throws IOException {
        run();
        Files.delete(out.resolve("report/text.md"));
        Path metadata = out.resolve("informe/metadata.json");
        byte[] bytes = Files.readAllBytes(metadata);
        bytes[bytes.length / 2] ^= 0x20; // same size, other content, a later time
        Files.write(metadata, bytes);
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(Files.getLastModifiedTime(metadata).toMillis() + 5_000));

        run();
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(variant(Pdfs.document(manifest, "report.pdf"), "text").get("status").asText()).isEqualTo("succeeded");
        assertThat(variant(Pdfs.document(manifest, "report.pdf"), "metadata").get("reason").asText()).isEqualTo("cached");
        assertThat(variant(Pdfs.document(manifest, "informe.pdf"), "metadata").get("status").asText())
                .isEqualTo("succeeded");
        assertThat(out.resolve("report/text.md")).exists();
        assertThat(AtomicFiles.sha256(metadata)).isEqualTo(
                variant(Pdfs.document(manifest, "informe.pdf"), "metadata").at("/outputs/0/sha256").asText());
    }

    @Test
    void lastingFailuresAreNotRedoneButTransientOnesAre() throws IOException {
        run("-v", "always-corrupt,flaky-io", "--retries", "0");
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "always-corrupt")).isEqualTo(1);
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "flaky-io")).isEqualTo(1);

        Cli.Result again = run("-v", "always-corrupt,flaky-io", "--retries", "0");
        assertThat(again.exitCode()).isEqualTo(1);
        // the corrupt content fails the same way without being read again; the I/O error is tried again
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "always-corrupt")).isEqualTo(1);
        assertThat(TestVariants.attempts(in.resolve("report.pdf"), "flaky-io")).isEqualTo(2);
        JsonNode report = Pdfs.document(Pdfs.manifest(out), "report.pdf");
        assertThat(variant(report, "always-corrupt").at("/error/kind").asText()).isEqualTo("corrupt");
        assertThat(variant(report, "flaky-io").get("status").asText()).isEqualTo("succeeded");
    }

    private JsonNode outputs(String document, String name) throws IOException {
        return variant(Pdfs.document(Pdfs.manifest(out), document), name).get("outputs");
    }

    @Test
    void outputsOfTheLastRunThatARedoneVariantNoLongerWritesAreRemoved() throws IOException {
        run("-v", "thumbnails,text", "--pages", "all");
        assertThat(out.resolve("report/thumbnails/page-2.png")).exists();

        run("-v", "thumbnails,text", "--pages", "1");
        assertThat(out.resolve("report/thumbnails/page-1.png")).exists();
        assertThat(out.resolve("report/thumbnails/page-2.png")).as("a page no longer asked for").doesNotExist();
        assertThat(outputs("report.pdf", "thumbnails")).hasSize(1);
        assertThat(out.resolve("report/text.txt")).as("another variant's outputs").exists();
    }

    @Test
    void outputsOfTheLongerOldVersionOfAnInputAreRemovedWithTheirEmptiedDirectory() throws IOException {
        run("-v", "split");
        assertThat(out.resolve("report/pages")).isDirectory();
        assertThat(outputs("report.pdf", "split")).hasSize(2);

        Pdfs.simple(in.resolve("report.pdf"), "One page now.");
        run("-v", "split");
        assertThat(outputs("report.pdf", "split")).hasSize(1);
        try (Stream<Path> files = Files.list(out.resolve("report/pages"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly(outputs("report.pdf", "split").get(0).get("path").asText().replaceFirst(".*/", ""));
        }

        // a variant that now writes nothing at all (no page in range) takes its emptied directory with it
        run("-v", "thumbnails", "--pages", "1");
        assertThat(out.resolve("report/thumbnails")).isDirectory();
        run("-v", "thumbnails", "--pages", "5");
        assertThat(out.resolve("report/thumbnails")).doesNotExist();
        assertThat(out.resolve("report")).isDirectory();
    }

    @Test
    void anOutdatedOutputSomeoneHasChangedSinceIsLeftAlone() throws IOException {
        run("-v", "thumbnails", "--pages", "all");
        Path second = out.resolve("report/thumbnails/page-2.png");
        Files.writeString(second, "annotated by hand");

        run("-v", "thumbnails", "--pages", "1");
        assertThat(second).hasContent("annotated by hand");
    }
}
