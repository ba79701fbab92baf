package dev.pdfvariants.corpus;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;

/** PDFs the tool writes from a file whose page tree lies or loops count their real pages. */
class PageTreeRepairTest {
    @TempDir
    Path tmp;

    @Test
    void writtenCopiesOfLyingAndLoopingPageTreesDeclareTheirRealPageCount() throws IOException {
        Path malformed = Corpus.require().resolve("malformed");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(malformed.resolve("gen-page-count-lie.pdf"), in.resolve("lie.pdf"));
        Files.copy(malformed.resolve("qpdf-pages-loop.pdf"), in.resolve("loop.pdf"));

        Cli.Result r = cli().run("run", in.toString(), "-o", tmp.resolve("out").toString(), "-v",
                "watermarked,sanitized", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String written : new String[] {"lie/watermarked.pdf", "lie/sanitized.pdf"}) {
            try (PDDocument doc = Loader.loadPDF(tmp.resolve("out").resolve(written).toFile())) {
                assertThat(doc.getNumberOfPages()).as(written).isEqualTo(1);
            }
        }
        try (PDDocument doc = Loader.loadPDF(tmp.resolve("out/loop/watermarked.pdf").toFile())) {
            int reachable = 0;
            for (var ignored : doc.getPages()) {
                reachable++;
            }
            assertThat(doc.getNumberOfPages()).isEqualTo(reachable);
        }
    }
}
