package dev.pdfvariants.output;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.cache.DocumentState;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.PdfFixture;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.Tmpfs;

/** Nothing is written outside OUT, whatever the names and links; an output location that fails stops the run with exit 4. */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    /** Every file under {@code dir} but the given subtree, with its content. */
    private static Map<String, byte[]> treeWithout(Path dir, Path excluded) throws IOException {
        Map<String, byte[]> files = Pdfs.tree(dir);
        String prefix = dir.relativize(excluded) + "/";
        files.keySet().removeIf(p -> p.startsWith(prefix));
        return files;
    }

    @Test
    void oddFileNamesAllStayInsideTheOutputDirectory() throws IOException {
        Path in = tmp.resolve("in");
        List<String> names = List.of("..pdf", ".pdf", "_run.pdf", "-v.pdf", "back\\slash.pdf", "new\nline.pdf",
                "sp ace.pdf", "ñandú-日本.pdf", "sub/../x.pdf.pdf");
        for (String name : names) {
            Pdfs.simple(in.resolve(name.replace("sub/../", "")), "odd name");
        }
        Path out = tmp.resolve("work/out");
        Map<String, byte[]> before = treeWithout(tmp, out);

        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(manifest.get("documents")).hasSize(names.size());
        for (JsonNode d : manifest.get("documents")) {
            for (JsonNode v : d.get("variants")) {
                for (JsonNode o : v.get("outputs")) {
                    Path file = out.resolve(o.get("path").asText()).normalize();
                    assertThat(file).startsWith(out).isRegularFile();
                }
            }
        }
        assertThat(out.resolve("../text.txt")).doesNotExist();
        assertThat(treeWithout(tmp, out)).as("nothing changed outside OUT").containsOnlyKeys(before.keySet());
    }

    @Test
    void pathsListedOnStdinFromElsewhereAreWrittenUnderTheirNamesInsideOut() throws IOException {
        Pdfs.simple(tmp.resolve("elsewhere/deep/report.pdf"), "far away");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path out = work.resolve("out");
        Map<String, byte[]> before = treeWithout(tmp, out);

        Cli.Result r = cli().in(work).stdin("../elsewhere/deep/report.pdf\n" + tmp.resolve("elsewhere/deep/../deep/report.pdf"))
                .run("run", "-", "-o", "out", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(out.resolve("report/text.txt")).isRegularFile();
        assertThat(treeWithout(tmp, out)).containsOnlyKeys(before.keySet());
    }

    @Test
    void aLinkPlantedInTheOutputTreeIsNotFollowed() throws IOException {
        Path in = tmp.resolve("in");
        Pdfs.simple(in.resolve("report.pdf"), "report");
        Pdfs.simple(in.resolve("other.pdf"), "other");
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("keep.txt"), "precious");
        Files.writeString(victim.resolve(".text.txt.1234" + AtomicFiles.TEMP_SUFFIX), "looks like ours, is not");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("report"), victim);

        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--progress", "none");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode report = Pdfs.document(Pdfs.manifest(out), "report.pdf");
        assertThat(report.at("/error/kind").asText()).isEqualTo("output-error");
        assertThat(report.at("/error/message").asText()).contains("leads out of the output directory");
        assertThat(Pdfs.document(Pdfs.manifest(out), "other.pdf").get("status").asText()).isEqualTo("succeeded");
        try (Stream<Path> files = Files.list(victim)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("keep.txt", ".text.txt.1234" + AtomicFiles.TEMP_SUFFIX);
        }
    }

    @Test
    void aRunDirectoryLinkedOutOfTheOutputFailsTheRunWithExitCodeFour() throws IOException {
        Path in = tmp.resolve("in");
        Pdfs.simple(in.resolve("report.pdf"), "report");
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("_run"), victim);

        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("leads out of the output directory");
        try (Stream<Path> files = Files.list(victim)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aReadOnlyOutputLocationFailsWithExitCodeFour() throws Exception {
        Path in = tmp.resolve("in");
        Pdfs.simple(in.resolve("report.pdf"), "report");
        try (Tmpfs ro = Tmpfs.mount(tmp.resolve("ro"), 1 << 20, true)) {
            Cli.Result r = cli().run("run", in.toString(), "-o", tmp.resolve("ro/out").toString(), "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("pdfvariants: cannot write to output directory").contains("Read-only file system")
                    .contains("hint: ").doesNotContain("\tat ");
        }
    }

    @Test
    void aFullOutputLocationStopsTheRunWithExitCodeFourKeepingWhatWasWrittenAndARerunFinishes() throws Exception {
        Path in = tmp.resolve("in");
        String paragraph = "A sentence that fills the output location, written again and again. ".repeat(40);
        for (int i = 1; i <= 8; i++) {
            PdfFixture doc = PdfFixture.create().title("Document " + i);
            for (int p = 0; p < 12; p++) {
                doc.paragraph(paragraph);
            }
            doc.write(in.resolve("d" + i + ".pdf"));
        }
        Path mount = tmp.resolve("full");
        try (Tmpfs full = Tmpfs.mount(mount, 160 << 10, false)) {
            Path out = mount.resolve("out");
            Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-j", "1", "--progress", "none");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("no space left on device");
            // what finished is intact, as its state says
            int finished = 0;
            try (Stream<Path> states = Files.walk(out.resolve("_run/state"))) {
                for (Path s : (Iterable<Path>) states.filter(p -> p.toString().endsWith(".json"))::iterator) {
                    DocumentState state = Json.mapper().readValue(s.toFile(), DocumentState.class);
                    // a variant that hit the full disk is not recorded, and the re-run redoes it
                    boolean complete = state.variants().keySet()
                            .containsAll(dev.pdfvariants.variant.VariantRegistry.standard().defaults());
                    for (DocumentState.VariantEntry v : state.variants().values()) {
                        for (DocumentState.StoredOutput o : v.outputs()) {
                            assertThat(AtomicFiles.sha256(out.resolve(o.path()))).isEqualTo(o.sha256());
                        }
                    }
                    finished += complete ? 1 : 0;
                }
            }
            assertThat(finished).isBetween(0, 7);
            try (Stream<Path> all = Files.walk(out)) {
                assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(AtomicFiles.TEMP_SUFFIX));
            }

            full.remount(8 << 20, false);
            Cli.Result again = cli().run("run", in.toString(), "-o", out.toString(), "-j", "1", "--progress", "none");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            JsonNode manifest = Pdfs.manifest(out);
            assertThat(manifest.get("documents")).hasSize(8);
            assertThat(manifest.at("/counts/skipped").asInt()).as(manifest.toString()).isEqualTo(finished);
        }
    }
}
