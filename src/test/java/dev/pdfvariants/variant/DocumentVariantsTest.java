package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.DocumentFixtures;
import dev.pdfvariants.testing.PdfTools;
import dev.pdfvariants.testing.Pdfs;

/**
 * Every document variant in one batch over a five-page text document and an image-only scan, and
 * every PDF written judged by qpdf, PDFBox and pdftotext.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentVariantsTest {
    private static final String PASSWORD = "s3cret-Pässword";

    @TempDir
    static Path tmp;

    private Path input;
    private Path out;
    private Cli.Result result;

    @BeforeAll
    void runEveryVariantOnce() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        input = DocumentFixtures.chapters(in.resolve("chapters.pdf"));
        Files.copy(Corpus.samples().resolve("scanned/scanned-letter.pdf"), in.resolve("scan.pdf"));
        out = tmp.resolve("out");
        result = cli().env("PDFVARIANTS_ENCRYPT_PASSWORD", PASSWORD)
                .run("run", in.toString(), "-o", out.toString(), "-v",
                        "text,metadata,thumbnails,images,split,compressed,watermarked,sanitized,encrypted", "--progress", "none",
                        "--watermark-text", "SPECIMEN");
    }

    @Test
    void everyVariantSucceedsOnBothDocuments() throws IOException {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode manifest = Pdfs.manifest(out);
        for (String doc : List.of("chapters.pdf", "scan.pdf")) {
            for (JsonNode v : Pdfs.document(manifest, doc).get("variants")) {
                assertThat(v.get("status").asText()).as(doc + " " + v.get("name")).isEqualTo("succeeded");
            }
        }
        assertThat(result.err()).doesNotContain(PASSWORD);
        assertThat(Files.readString(out.resolve("_run/manifest.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void everyPdfWrittenPassesQpdfCheckAndReopensInPdfbox() throws IOException {
        PdfTools.requireQpdf();
        List<Path> pdfs = PdfTools.pdfsUnder(out);
        assertThat(pdfs).hasSize(5 + 4 + 1 + 4); // split pages, then compressed, watermarked, sanitized, encrypted
        for (Path pdf : pdfs) {
            String password = pdf.endsWith("encrypted.pdf") ? PASSWORD : null;
            PdfTools.assertQpdfCheckPasses(pdf, password);
            assertThat(PdfTools.pdfboxPages(pdf, password)).as(pdf.toString()).isPositive();
        }
    }

    @Test
    void splitWritesOnePdfPerPageWithThatPagesText() throws IOException {
        PdfTools.requirePdftotext();
        Path pages = out.resolve("chapters/pages");
        for (int p = 1; p <= 5; p++) {
            Path part = pages.resolve("page-" + p + ".pdf");
            assertThat(PdfTools.pdfboxPages(part, null)).isEqualTo(1);
            assertThat(PdfTools.pdftotext(part)).isEqualTo(PdfTools.pdftotext(input, null, p, p))
                    .contains(DocumentFixtures.CHAPTER_PHRASES.get(p - 1));
        }
        assertThat(pages.resolve("page-6.pdf")).doesNotExist();
    }

    @Test
    void compressedSanitizedAndEncryptedKeepPageCountAndText() throws IOException {
        PdfTools.requirePdftotext();
        String text = PdfTools.pdftotext(input);
        for (String name : List.of("compressed.pdf", "sanitized.pdf", "encrypted.pdf")) {
            Path pdf = out.resolve("chapters/" + name);
            String password = name.equals("encrypted.pdf") ? PASSWORD : null;
            assertThat(PdfTools.pdfboxPages(pdf, password)).as(name).isEqualTo(5);
            assertThat(PdfTools.pdftotext(pdf, password, 0, 0)).as(name).isEqualTo(text);
        }
        assertThat(Files.size(out.resolve("chapters/compressed.pdf"))).isLessThanOrEqualTo(Files.size(input));
    }

    @Test
    void watermarkedKeepsEveryPageAndItsTextAndAddsTheStamp() throws IOException {
        PdfTools.requirePdftotext();
        Path pdf = out.resolve("chapters/watermarked.pdf");
        assertThat(PdfTools.pdfboxPages(pdf, null)).isEqualTo(5);
        for (int p = 1; p <= 5; p++) {
            String text = PdfTools.pdftotext(pdf, null, p, p);
            assertThat(text).contains(DocumentFixtures.CHAPTER_PHRASES.get(p - 1));
            // pdftotext breaks the diagonal stamp into pieces
            assertThat(text.replaceAll("\\s+", "")).contains("SPECIMEN");
        }
        // -raw: in drawing order, so the stamp reads as one word
        assertThat(PdfTools.run(List.of("pdftotext", "-raw", out.resolve("scan/watermarked.pdf").toString(), "-")).out()
                .replaceAll("\\s+", "")).contains("SPECIMEN");
    }

    @Test
    void encryptedOutputNeedsThePassword() throws IOException {
        Path pdf = out.resolve("chapters/encrypted.pdf");
        assertThatThrownBy(() -> Loader.loadPDF(pdf.toFile()).close()).isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> Loader.loadPDF(pdf.toFile(), "wrong").close()).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), PASSWORD)) {
            assertThat(doc.isEncrypted()).isTrue();
            assertThat(doc.getEncryption().getLength()).isEqualTo(256);
            assertThat(doc.getEncryption().getRevision()).isEqualTo(6);
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
        }
    }

    @Test
    void thumbnailsAndImagesAreWritten() throws IOException {
        assertThat(out.resolve("chapters/thumbnails/page-1.png")).isRegularFile();
        assertThat(out.resolve("scan/thumbnails/page-1.png")).isRegularFile();
        assertThat(out.resolve("scan/images/page-1-1.jpg")).isRegularFile();
        JsonNode list = dev.pdfvariants.json.Json.mapper().readTree(out.resolve("chapters/images/images.json").toFile());
        assertThat(list.get("images")).isEmpty();
    }
}
