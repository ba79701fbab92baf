package dev.pdfvariants.progress;

import java.nio.file.Path;
import java.util.function.LongConsumer;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.discover.Discovery;
import dev.pdfvariants.discover.PathFilter;

/**
 * Counts the documents of a batch ahead of the workers, so that a progress bar can show a
 * percentage and an ETA: discovery is lazy (the batch starts on the first file found), so the
 * total is not known otherwise. Walks the same inputs with the same filters on a low-priority
 * daemon thread, and only for a bar on a terminal; a list of paths on stdin cannot be read twice,
 * and is not counted.
 */
final class DocumentCounter {
    private DocumentCounter() {
    }

    /** Starts counting unless an input is stdin; {@code total} receives the count once the walk is done. */
    static Thread start(RunOptions options, Io io, Path outputRoot, LongConsumer total) {
        if (options.inputs().contains(Discovery.STDIN)) {
            return null;
        }
        Thread thread = new Thread(() -> {
            try {
                Discovery discovery = new Discovery(options.inputs(), options.nullSeparated(),
                        new PathFilter(options.includes(), options.excludes()), io.in(), io.workingDirectory(),
                        outputRoot, warning -> { });
                long n = 0;
                for (var ignored : discovery) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    n++;
                }
                total.accept(n);
            } catch (RuntimeException e) {
                // no total: the bar shows counts and rate without a percentage
            }
        }, "pdfvariants-progress-count");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }
}
