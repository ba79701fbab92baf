package dev.pdfvariants.output;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {
    @TempDir
    Path tmp;

    @Test
    void pathsUnderTheOutputDirectoryPassEvenWhenTheyDoNotExistYet() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertThatCode(() -> OutputGuard.requireInside(out, out.resolve("a/b/c/text.txt"))).doesNotThrowAnyException();
        assertThatCode(() -> OutputGuard.requireDirectoryInside(out, out)).doesNotThrowAnyException();
    }

    @Test
    void aSymbolicLinkOutOfTheOutputDirectoryIsRefused() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("doc"), elsewhere);

        assertThatThrownBy(() -> OutputGuard.requireInside(out, out.resolve("doc/thumbnails/page-1.png")))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("leads out of the output directory");
        assertThatThrownBy(() -> OutputGuard.requireDirectoryInside(out, out.resolve("doc")))
                .isInstanceOf(FileSystemException.class);
    }

    @Test
    void aLinkInsideTheOutputDirectoryAndALinkedOutputRootAreFine() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real-out"));
        Path out = Files.createSymbolicLink(tmp.resolve("out"), real);
        Files.createDirectories(real.resolve("a"));
        Files.createSymbolicLink(real.resolve("b"), real.resolve("a"));
        assertThatCode(() -> OutputGuard.requireInside(out, out.resolve("b/text.txt"))).doesNotThrowAnyException();
    }

    @Test
    void aFileLinkInTheTargetsPlaceIsReplacedNotFollowedSoItPasses() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out/doc"));
        Files.createSymbolicLink(out.resolve("text.txt"), tmp.resolve("victim.txt"));
        assertThatCode(() -> OutputGuard.requireInside(tmp.resolve("out"), out.resolve("text.txt")))
                .doesNotThrowAnyException();
    }

    @Test
    void aPathOutsideTheRootIsRefused() {
        assertThatThrownBy(() -> OutputGuard.requireInside(tmp.resolve("out"), tmp.resolve("out/../x.txt")))
                .hasMessageContaining("is outside the output directory");
    }
}
