package bench;

import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Tika's directory batch mode, as tika-app's {@code -i IN -o OUT -numConsumers N} runs it: a
 * crawler feeding N consumers, each parsing with an AutoDetectParser (PDF parser module) into a
 * text handler without a write limit, one output file per input. tika-app itself is not served by
 * this machine's registry, so this harness reproduces its batch loop with tika-core and the PDF
 * parser module. Usage: TikaBatch IN_DIR OUT_DIR THREADS. Prints the number of failed files.
 */
public final class TikaBatch {
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
        AutoDetectParser parser = new AutoDetectParser();
        for (Path f : files) {
            pool.submit(() -> {
                Path target = out.resolve(in.relativize(f).toString() + ".txt");
                try (InputStream stream = Files.newInputStream(f)) {
                    Files.createDirectories(target.getParent());
                    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        parser.parse(stream, new BodyContentHandler(w), new Metadata(), new ParseContext());
                    }
                } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            System.err.println("tika batch: gave up waiting");
        }
        System.out.println(failed.get());
        System.exit(0);
    }

    private TikaBatch() {
    }
}
