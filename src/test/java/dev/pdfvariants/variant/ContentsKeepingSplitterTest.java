package dev.pdfvariants.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split variant's parts carry each page's contents streams as the source has them, still
 * encoded (PDFBox's own page import decodes them whole into the heap and compresses them again:
 * a decompression bomb's page runs the heap out), and the source document is left as it was; an
 * encrypted source's parts hold its contents decrypted.
 */
class ContentsKeepingSplitterTest {
    /** Spaces after the text of the bomb page: 32 MiB decoded, about 32 KiB encoded. */
    private static final long BOMB_SPACES = 32L << 20;

    @TempDir
    Path tmp;

    @Test
    void partsKeepTheEncodedContentsOfASingleStreamAnArrayWithABombAndNoContentsAtAll() throws IOException {
        Path input = threePages(tmp.resolve("in.pdf"));
        try (PDDocument source = Loader.loadPDF(input.toFile())) {
            List<List<byte[]>> before = new ArrayList<>();
            List<String> textBefore = new ArrayList<>();
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                before.add(rawContents(source.getPage(i)));
                textBefore.add(text(source, i));
            }
            assertThat(before.get(1)).hasSize(2); // an array: the text, then the bomb
            assertThat(before.get(2)).isEmpty();

            List<Path> parts = splitIntoFiles(source);
            assertThat(parts).hasSize(3);
            for (int i = 0; i < parts.size(); i++) {
                try (PDDocument part = Loader.loadPDF(parts.get(i).toFile())) {
                    assertThat(part.getNumberOfPages()).isEqualTo(1);
                    assertThat(rawContents(part.getPage(0))).as("page %d's encoded contents", i + 1)
                            .containsExactlyElementsOf(before.get(i));
                    assertThat(text(part, 0)).isEqualTo(textBefore.get(i));
                }
            }
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                assertThat(rawContents(source.getPage(i))).as("source page %d", i + 1)
                        .containsExactlyElementsOf(before.get(i));
            }
            assertThat(text(source, 0)).isEqualTo(textBefore.get(0));
        }
    }

    @Test
    void partsOfAnEncryptedDocumentCarryItsContentsDecryptedAndOpenWithoutAPassword() throws IOException {
        Path plain = threePages(tmp.resolve("plain.pdf"));
        Path encrypted = tmp.resolve("encrypted.pdf");
        try (PDDocument doc = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(encrypted.toFile());
        }
        try (PDDocument source = Loader.loadPDF(encrypted.toFile(), "owner")) {
            assertThat(source.isEncrypted()).isTrue();
            List<Path> parts = splitIntoFiles(source);
            for (int i = 0; i < parts.size(); i++) {
                try (PDDocument part = Loader.loadPDF(parts.get(i).toFile())) {
                    assertThat(part.isEncrypted()).isFalse();
                    assertThat(text(part, 0)).isEqualTo(text(source, i));
                }
            }
            assertThat(text(source, 0)).contains("The first page of three.");
        }
    }

    /** Splits {@code source} page by page with the variant's splitter and saves each part; returns their files. */
    private List<Path> splitIntoFiles(PDDocument source) throws IOException {
        List<PDDocument> parts = new SplitVariant.ContentsKeepingSplitter().split(source);
        List<Path> files = new ArrayList<>();
        try {
            for (PDDocument part : parts) {
                Path file = tmp.resolve("part-" + files.size() + ".pdf");
                part.save(file.toFile());
                files.add(file);
            }
        } finally {
            for (PDDocument part : parts) {
                part.close();
            }
        }
        return files;
    }

    /** A single contents stream; an array of a text stream and a bomb; a page without contents. */
    private static Path threePages(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String line : List.of("The first page of three.", "The second page, before a great many spaces.")) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(line);
                    cs.endText();
                }
            }
            PDPage second = doc.getPage(1);
            PDStream bomb = new PDStream(doc, spaces(BOMB_SPACES), COSName.FLATE_DECODE);
            COSArray contents = new COSArray();
            contents.add(second.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            contents.add(bomb.getCOSObject());
            second.getCOSObject().setItem(COSName.CONTENTS, contents);
            doc.addPage(new PDPage());
            doc.save(file.toFile());
        }
        return file;
    }

    private static InputStream spaces(long count) {
        return new SequenceInputStream(new ByteArrayInputStream("\n".getBytes(StandardCharsets.US_ASCII)), new InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        });
    }

    /** The encoded bytes of each of the page's contents streams, in order. */
    private static List<byte[]> rawContents(PDPage page) throws IOException {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        List<COSStream> streams = new ArrayList<>();
        if (contents instanceof COSStream stream) {
            streams.add(stream);
        } else if (contents instanceof COSArray array) {
            for (COSBase item : array) {
                streams.add((COSStream) (item instanceof COSObject o ? o.getObject() : item));
            }
        }
        List<byte[]> raw = new ArrayList<>();
        for (COSStream stream : streams) {
            try (InputStream in = stream.createRawInputStream()) {
                raw.add(in.readAllBytes());
            }
        }
        return raw;
    }

    private static String text(PDDocument doc, int pageIndex) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        return stripper.getText(doc);
    }
}
