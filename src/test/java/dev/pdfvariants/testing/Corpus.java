package dev.pdfvariants.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real-world corpus ({@code ../shared/corpus}), when it is there. Tests that use it
 * call {@link #require()}, which skips them (a JUnit assumption) on a fresh clone without it.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path require() {
        String configured = System.getProperty("pdfvariants.corpus");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        assumeTrue(Files.isRegularFile(dir.resolve("MANIFEST.tsv")), "corpus not present at " + dir.toAbsolutePath());
        return dir.toAbsolutePath().normalize();
    }

    /** The project's samples directory. */
    public static Path samples() {
        return Path.of("samples").toAbsolutePath();
    }
}
