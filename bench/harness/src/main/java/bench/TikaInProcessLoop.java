package bench;

import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * A lighter, more favourable-to-Tika reference than {@link TikaBatch}: one JVM, N threads sharing
 * one AutoDetectParser, each file parsed into a text handler without a write limit, one .txt file
 * per input. No forked JVMs, no RecursiveParserWrapper, no JSON, no per-file timeout. Run it on the
 * harness's runtime-scope class path ({@code dependency:build-classpath -DincludeScope=runtime}:
 * tika-core and the PDF parser module, without tika-parsers-standard-package), where the
 * AutoDetectParser knows only PDF: the full set's ImageIO plugins (jbig2-imageio, jai-imageio)
 * would let PDFBox decode images and streams it otherwise rejects. Usage: TikaInProcessLoop IN_DIR
 * OUT_DIR THREADS. Prints the number of failed files.
 */
public final class TikaInProcessLoop {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        AutoDetectParser parser = new AutoDetectParser();
        int failed = Loops.inThreads(Loops.pdfs(in), threads, "tika in-process loop", f -> {
            Path target = out.resolve(in.relativize(f).toString() + ".txt");
            try (InputStream stream = Files.newInputStream(f)) {
                Files.createDirectories(target.getParent());
                try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    parser.parse(stream, new BodyContentHandler(w), new Metadata(), new ParseContext());
                }
                return true;
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                return false;
            }
        });
        System.out.println(failed);
        System.exit(0);
    }

    private TikaInProcessLoop() {
    }
}
