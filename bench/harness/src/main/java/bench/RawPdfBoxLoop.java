package bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        int failed = Loops.inThreads(Loops.pdfs(in), threads, "raw loop", f -> {
            Path target = out.resolve(in.relativize(f).toString() + ".txt");
            try (PDDocument doc = Loader.loadPDF(new File(f.toString()))) {
                String text = new PDFTextStripper().getText(doc);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
                return true;
            } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                return false;
            }
        });
        System.out.println(failed);
        System.exit(0);
    }

    private RawPdfBoxLoop() {
    }

}
