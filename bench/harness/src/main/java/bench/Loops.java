package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What the baselines share: the corpus walk, and the one-JVM loops' N threads, a file a task. */
final class Loops {
    /** Every *.pdf below {@code in}, sorted. */
    static List<Path> pdfs(Path in) throws IOException {
        try (Stream<Path> walk = Files.walk(in)) {
            return walk.filter(p -> p.toString().toLowerCase().endsWith(".pdf")).sorted().toList();
        }
    }

    /**
     * Runs {@code task} (true: done, false: failed) on every file on {@code threads} daemon threads
     * and returns the number of failed files; gives up waiting after 30 minutes, generously above
     * the other tools' per-file timeouts.
     */
    static int inThreads(List<Path> files, int threads, String name, Predicate<Path> task)
            throws InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        for (Path f : files) {
            pool.submit(() -> {
                if (!task.test(f)) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            System.err.println(name + ": gave up waiting");
        }
        return failed.get();
    }

    private Loops() {
    }
}
