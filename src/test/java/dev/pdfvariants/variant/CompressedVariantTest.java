package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.PdfTools;
import dev.pdfvariants.testing.Pdfs;

class CompressedVariantTest {
    @TempDir
    Path tmp;

    @Test
    void anUncompressedFileGetsSmallerWithTheSameText() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in")).resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < 3; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                        false)) { // content streams without any filter
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(72, 700);
                    for (int line = 0; line < 40; line++) {
                        cs.showText("Page " + (p + 1) + " line " + line + ": the quick brown fox jumps over the lazy dog.");
                        cs.newLineAtOffset(0, -14);
                    }
                    cs.endText();
                }
            }
            doc.save(input.toFile(), CompressParameters.NO_COMPRESSION);
        }
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "compressed",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path compressed = tmp.resolve("out/plain/compressed.pdf");
        assertThat(Files.size(compressed)).isLessThan(Files.size(input) / 2);
        try (PDDocument doc = Loader.loadPDF(compressed.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Page 3 line 39");
        }
        assertThat(Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "plain.pdf").get("warnings")).isNull();
        if (hasPdftotext()) {
            assertThat(PdfTools.pdftotext(compressed)).isEqualTo(PdfTools.pdftotext(input));
        }
    }

    @Test
    void aFileThatCannotGetSmallerIsKeptByteForByteAndTheManifestSaysSo() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/tight.pdf"), "Already as small as PDFBox makes it.");
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "compressed",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("out/tight/compressed.pdf"))).isEqualTo(Files.readAllBytes(input));
        JsonNode doc = Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "tight.pdf");
        assertThat(doc.get("warnings").toString()).contains("not smaller than the input").contains("original bytes");
    }

    private static boolean hasPdftotext() {
        try {
            return PdfTools.run(java.util.List.of("pdftotext", "-v")).exitCode() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
