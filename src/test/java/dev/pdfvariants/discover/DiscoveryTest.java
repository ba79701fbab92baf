package dev.pdfvariants.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.PdfVariantsException;

class DiscoveryTest {
    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    private List<String> discover(Path cwd, Path excluded, String stdin, List<String> includes, List<String> excludes,
            String... inputs) {
        Discovery d = new Discovery(List.of(inputs), false, new PathFilter(includes, excludes),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), cwd, excluded, warnings::add);
        d.validate();
        List<String> found = new ArrayList<>();
        d.forEach(f -> found.add(f.relativePath()));
        return found;
    }

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "%PDF-1.7");
    }

    @Test
    void walksRecursivelyInSortedOrderTakingOnlyPdfsOfAnyCase() throws IOException {
        Path in = tmp.resolve("in");
        touch(in.resolve("b.pdf"));
        touch(in.resolve("a/z.PDF"));
        touch(in.resolve("a/b/c.pdf"));
        touch(in.resolve("a.pdf"));
        touch(in.resolve("c.txt"));

        assertThat(discover(tmp, null, "", List.of(), List.of(), "in"))
                .containsExactly("a/b/c.pdf", "a/z.PDF", "a.pdf", "b.pdf");
    }

    @Test
    void neverWalksTheOutputDirectory() throws IOException {
        touch(tmp.resolve("in/doc.pdf"));
        touch(tmp.resolve("in/out/doc/pages/page-1.pdf"));

        assertThat(discover(tmp, tmp.resolve("in/out"), "", List.of(), List.of(), "in")).containsExactly("doc.pdf");
    }

    @Test
    void neverFollowsSymlinksOutOfTheRootAndTakesLinkedFilesUnderTheirRealPathOnce() throws IOException {
        Path in = tmp.resolve("in");
        touch(in.resolve("real/a.pdf"));
        touch(tmp.resolve("elsewhere/secret.pdf"));
        Files.createSymbolicLink(in.resolve("inside-link"), in.resolve("real"));
        Files.createSymbolicLink(in.resolve("outside-link"), tmp.resolve("elsewhere"));
        Files.createSymbolicLink(in.resolve("real/loop"), in);

        List<String> found = discover(tmp, null, "", List.of(), List.of(), "in");

        assertThat(found).containsExactly("real/a.pdf");
        assertThat(warnings).anyMatch(w -> w.contains("outside-link") && w.contains("outside the input directory"));
    }

    @Test
    void theInputItselfMayBeASymlink() throws IOException {
        touch(tmp.resolve("real/a.pdf"));
        Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        assertThat(discover(tmp, null, "", List.of(), List.of(), "link")).containsExactly("a.pdf");
    }

    @Test
    void theSameFileReachedTwiceIsTakenOnce() throws IOException {
        touch(tmp.resolve("in/a.pdf"));
        assertThat(discover(tmp, null, "", List.of(), List.of(), "in", "in/a.pdf")).containsExactly("a.pdf");
    }

    @Test
    void namedFilesAreTakenWhateverTheirExtensionAndFilters() throws IOException {
        touch(tmp.resolve("docs/scan.bin"));
        assertThat(discover(tmp, null, "", List.of("*.pdf"), List.of("*.bin"), "docs/scan.bin"))
                .containsExactly("docs/scan.bin");
    }

    @Test
    void namedFilesOutsideTheWorkingDirectoryUseTheirFileName() throws IOException {
        touch(tmp.resolve("far/away/x.pdf"));
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        assertThat(discover(cwd, null, "", List.of(), List.of(), tmp.resolve("far/away/x.pdf").toString()))
                .containsExactly("x.pdf");
    }

    @Test
    void globsWithASlashMatchTheRelativePath() throws IOException {
        Path in = tmp.resolve("in");
        touch(in.resolve("2024/q1/a.pdf"));
        touch(in.resolve("2025/q1/b.pdf"));
        assertThat(discover(tmp, null, "", List.of("2025/**"), List.of(), "in")).containsExactly("2025/q1/b.pdf");
    }

    @Test
    void directoriesListedOnStdinAreWalked() throws IOException {
        touch(tmp.resolve("in/sub/a.pdf"));
        assertThat(discover(tmp, null, "in\n", List.of(), List.of(), "-")).containsExactly("sub/a.pdf");
    }

    @Test
    void missingInputsAndDoubleStdinAreRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> discover(tmp, null, "", List.of(), List.of(), "nope"))
                .isInstanceOfSatisfying(PdfVariantsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT_NOT_FOUND));
        assertThatThrownBy(() -> discover(tmp, null, "", List.of(), List.of(), "-", "-"))
                .isInstanceOfSatisfying(PdfVariantsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void anInvalidGlobIsAUsageError() {
        assertThatThrownBy(() -> new PathFilter(List.of("[a-"), List.of()))
                .isInstanceOfSatisfying(PdfVariantsException.class,
                        e -> assertThat(e.getMessage()).contains("--include '[a-' is not a valid glob"));
    }
}
