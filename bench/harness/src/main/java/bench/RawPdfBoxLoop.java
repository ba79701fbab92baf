package bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The engine's naive use: one JVM, N threads, each PDF loaded with PDFBox's defaults and its text
 * written with PDFTextStripper. Usage: RawPdfBoxLoop IN_DIR OUT_DIR THREADS. Prints the number of
 * failed files on stdout.
 */
public final class RawPdfBoxLoop {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(p -> p.toString().toLowerCase().endsWith(".pdf")).sorted().toList();
        }
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        for (Path f : files) {
            pool.submit(() -> {
                Path target = out.resolve(in.relativize(f).toString() + ".txt");
                try (PDDocument doc = Loader.loadPDF(new File(f.toString()))) {
                    String text = new PDFTextStripper().getText(doc);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        // the same per-run bound as the other tools' per-file timeouts, generously
        if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES)) {
            System.err.println("raw loop: gave up waiting");
        }
        System.out.println(failed.get());
        System.exit(0);
    }

    private RawPdfBoxLoop() {
    }

}
