package dev.pdfvariants.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * Where things go under the output directory: {@code OUT/<relative path without .pdf>/…} per
 * document, and {@code OUT/_run/} for the run's own files (manifest, events, metrics, lock).
 */
public final class OutputLayout {
    public static final String RUN_DIR = "_run";

    private final Path root;

    public OutputLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path runDir() {
        return root.resolve(RUN_DIR);
    }

    /**
     * Creates the output and run directories and proves they are writable, or fails with exit
     * code 4 and a message saying what to do.
     */
    public void prepare() {
        try {
            Files.createDirectories(runDir());
            Path probe = Files.createTempFile(runDir(), ".probe", AtomicFiles.TEMP_SUFFIX);
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw PdfVariantsException.outputNotWritable("output directory " + root + " is not writable (permission denied)",
                    "Choose another -o directory, or fix its permissions.", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw PdfVariantsException.outputNotWritable("cannot write to output directory " + root + ": " + reason,
                    "Choose another -o directory; check that it is not a file, read-only or full.", e);
        } catch (IOException e) {
            throw PdfVariantsException.outputNotWritable("cannot write to output directory " + root + ": " + e.getMessage(),
                    "Choose another -o directory; check free space and permissions.", e);
        }
    }

    /**
     * The directory of one document's outputs: its relative path without the {@code .pdf}
     * extension. A top-level document whose name would collide with {@code _run}, and one named
     * {@code ..pdf} or {@code .pdf}, keeps its extension.
     */
    public Path documentDir(String relativePath) {
        return root.resolve(documentKey(relativePath));
    }

    /** The document directory relative to the output root, with {@code /} separators. */
    public static String documentKey(String relativePath) {
        String key = relativePath;
        if (key.toLowerCase(Locale.ROOT).endsWith(".pdf") && key.length() > 4) {
            key = key.substring(0, key.length() - 4);
        }
        String last = key.substring(key.lastIndexOf('/') + 1);
        if (key.equals(RUN_DIR) || key.startsWith(RUN_DIR + "/") || last.equals(".") || last.equals("..")) {
            // "..pdf" must not become "..", the directory above
            key = relativePath;
        }
        return key;
    }

    /** A path under the output root, as recorded in the manifest ({@code /} separators). */
    public String relativize(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
