package dev.pdfvariants.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.pdfvariants.cli.CommandLineFactory;
import dev.pdfvariants.config.Io;

/**
 * Runs the command line like {@code Main} in a JVM of its own, then writes the peak heap use
 * (the sum of every heap pool's peak: an upper bound) to the file named by the system property
 * {@code pdfvariants.peakHeapFile}, and exits with the command's code. Used by tests that prove
 * memory bounds with a small {@code -Xmx}.
 */
public final class PeakHeapMain {
    private PeakHeapMain() {
    }

    public static void main(String[] args) throws IOException {
        int code = CommandLineFactory.create(Io.system()).execute(args);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Files.writeString(Path.of(System.getProperty("pdfvariants.peakHeapFile")), Long.toString(peak));
        System.exit(code);
    }
}
