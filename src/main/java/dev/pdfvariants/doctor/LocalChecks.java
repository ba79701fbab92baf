package dev.pdfvariants.doctor;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Checks of this machine: output directory, heap, fonts. */
final class LocalChecks {
    static final long MIN_HEAP = 256L << 20;
    static final long MIN_HEAP_PER_WORKER = 64L << 20;
    static final long MIN_FREE_SPACE = 64L << 20;

    private LocalChecks() {
    }

    static CheckResult output(Path output) {
        String name = "output";
        if (output == null) {
            return CheckResult.skip(name, "no output directory given (-o DIR)");
        }
        Path dir = output.toAbsolutePath().normalize();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return CheckResult.fail(name, (existing == null ? dir : existing) + " is not a directory",
                    "choose another -o directory");
        }
        try {
            Path probe = Files.createTempFile(existing, ".pdfvariants-doctor", ".tmp");
            Files.delete(probe);
            long free = Files.getFileStore(existing).getUsableSpace();
            String where = existing.equals(dir) ? dir + " is writable" : dir + " can be created in " + existing;
            if (free < MIN_FREE_SPACE) {
                return CheckResult.fail(name, where + " but only " + size(free) + " are free",
                        "free some space or choose another -o directory");
            }
            return CheckResult.ok(name, where + " (" + size(free) + " free)");
        } catch (IOException e) {
            return CheckResult.fail(name, "cannot write in " + existing + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""), "fix its permissions or choose another -o");
        }
    }

    static CheckResult heap(long maxHeap, int workers) {
        String name = "heap";
        long perWorker = maxHeap / Math.max(1, workers);
        String detail = "max " + size(maxHeap) + " for " + workers + (workers == 1 ? " worker" : " workers") + " ("
                + size(perWorker) + " each)";
        if (maxHeap < MIN_HEAP || perWorker < MIN_HEAP_PER_WORKER) {
            return CheckResult.fail(name, detail + ", below " + size(MIN_HEAP) + " or " + size(MIN_HEAP_PER_WORKER)
                    + " per worker", "raise the heap (PDFVARIANTS_JAVA_OPTS=-Xmx2g) or lower -j");
        }
        return CheckResult.ok(name, detail);
    }

    static CheckResult fonts() {
        String name = "fonts";
        boolean fallback = LocalChecks.class.getResource("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")
                != null;
        String remedy = "install fontconfig and a font package (e.g. fonts-dejavu-core): thumbnails and slides "
                + "are rendered with system fonts";
        try {
            String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            if (families.length == 0) {
                return CheckResult.fail(name, "the JVM finds no fonts", remedy);
            }
            return CheckResult.ok(name, families.length + " font families available to the JVM"
                    + (fallback ? "; PDFBox's fallback font is present" : ""));
        } catch (Exception | Error e) {
            return CheckResult.fail(name, "the JVM cannot load fonts (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")", remedy);
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
