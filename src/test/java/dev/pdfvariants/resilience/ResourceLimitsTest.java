package dev.pdfvariants.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.config.ResilienceSettings.Limits;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;

class ResourceLimitsTest {
    @TempDir
    Path tmp;

    /** A one-page PDF whose content stream is {@code inflated} bytes of comments, Flate-compressed to almost nothing. */
    static Path bomb(Path file, int inflated) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream content = new PDStream(doc);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] line = "% padding padding padding padding padding padding padding padding\n"
                        .getBytes(StandardCharsets.US_ASCII);
                for (int written = 0; written < inflated; written += line.length) {
                    out.write(line);
                }
            }
            page.setContents(content);
            doc.save(file.toFile());
        }
        return file;
    }

    private static void check(Limits limits, Path file) throws IOException, DocumentFailure {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            new ResourceLimits(limits).checkDocument(pdf, Pages.count(pdf), Cancellation.none());
        }
    }

    @Test
    void aStreamThatInflatesBeyondTheLimitFailsTheDocumentWithItsObjectNumber() throws Exception {
        Path bomb = bomb(tmp.resolve("bomb.pdf"), 3 << 20);
        assertThat(Files.size(bomb)).isLessThan(64 << 10);

        assertThatThrownBy(() -> check(new Limits(0, 0, 1 << 20), bomb))
                .isInstanceOfSatisfying(DocumentFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).matches("a stream \\(object \\d+ 0\\) inflates to more than "
                            + "--max-stream-size 1\\.0 MiB \\(a decompression bomb\\?\\)");
                });
        assertThatCode(() -> check(new Limits(0, 0, 4 << 20), bomb)).doesNotThrowAnyException();
    }

    @Test
    void inflatedSizeIsCountedExactlyBelowTheLimitAndCappedAboveIt() throws Exception {
        Path bomb = bomb(tmp.resolve("bomb.pdf"), 200_000);
        try (PDDocument pdf = Loader.loadPDF(bomb.toFile())) {
            COSStream stream = pdf.getPage(0).getCOSObject().getCOSStream(COSName.CONTENTS);
            long exact = ResourceLimits.inflatedSize(stream, 10_000_000, Cancellation.none());
            assertThat(exact).isBetween(200_000L, 200_100L);
            assertThat(ResourceLimits.inflatedSize(stream, 1_000, Cancellation.none())).isEqualTo(1_001);
        }
    }

    @Test
    void pagesOverTheLimitFailTheDocument() throws Exception {
        Path file = tmp.resolve("three.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            doc.save(file.toFile());
        }
        assertThatThrownBy(() -> check(new Limits(2, 0, 0), file))
                .hasMessage("it has 3 pages, more than --max-pages 2");
        assertThatCode(() -> check(new Limits(3, 0, 0), file)).doesNotThrowAnyException();
    }

    @Test
    void aFileOverTheSizeLimitFailsBeforeItIsRead() {
        ResourceLimits limits = new ResourceLimits(new Limits(0, 1024, 0));
        assertThatThrownBy(() -> limits.checkFile(1536))
                .isInstanceOfSatisfying(DocumentFailure.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.LIMIT_EXCEEDED))
                .hasMessage("the file is 1.5 KiB, more than --max-file-size 1.0 KiB");
        assertThatCode(() -> limits.checkFile(1024)).doesNotThrowAnyException();
    }

    @Test
    void noLimitsCheckNothing() throws Exception {
        Path bomb = bomb(tmp.resolve("bomb.pdf"), 2 << 20);
        assertThatCode(() -> check(Limits.NONE, bomb)).doesNotThrowAnyException();
        assertThatCode(() -> ResourceLimits.none().checkFile(Long.MAX_VALUE)).doesNotThrowAnyException();
    }
}
