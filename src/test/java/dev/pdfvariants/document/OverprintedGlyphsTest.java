package dev.pdfvariants.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.pdfvariants.config.TextOrder;
import dev.pdfvariants.testing.Corpus;

/**
 * The extractor drops overprinted duplicate glyphs with its own cheap bookkeeping: its text must
 * be exactly what PDFBox's own duplicate suppression gives, page by page, on fake bold, shadowed
 * text, /ActualText spans and the real documents of the corpus.
 */
class OverprintedGlyphsTest {

    @ParameterizedTest
    @EnumSource(TextOrder.class)
    void fakeBoldAndShadowsGiveExactlyThePdfboxText(TextOrder order, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("overprinted.pdf");
        writeOverprinted(file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<String> ours = ours(pdf, order);
            assertThat(ours).isEqualTo(pdfbox(pdf, order));
            // and the duplicates really were dropped: the fake-bold heading reads once
            assertThat(ours.get(0)).contains("Fake bold heading\n").doesNotContain("FFaakkee");
            assertThat(ours.get(0)).containsPattern("Shadowed +words");
            // inside /ActualText nothing is dropped, as in PDFBox
            assertThat(ours.get(0)).contains("Replaced");
        }
    }

    @Test
    void realDocumentsGiveExactlyThePdfboxText() throws IOException {
        Path corpus = Corpus.require();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("text", "papers", "lang", "outline")) {
            try (Stream<Path> walk = Files.walk(corpus.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".pdf")).filter(p -> p.toFile().length() < 3_000_000)
                        .sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
                assertThat(ours(pdf, TextOrder.STREAM)).as(f.toString()).isEqualTo(pdfbox(pdf, TextOrder.STREAM));
            } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
                // needs a password: not this test's subject
            }
        }
    }

    @Test
    void decisionsMatchPdfboxsTreesOnRandomGlyphsIncludingOddValuesAndCrowdedPages() {
        java.util.Random random = new java.util.Random(8);
        float[] odd = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, 3e7f, -3e7f};
        String[] texts = {"a", "e", "fi", "", "\u00e9", "t", "\u00ff", "\u0100", "\u4e2d"}; // one-char Latin-1 texts take a short cut
        OverprintedGlyphs ours = new OverprintedGlyphs();
        PdfboxRule reference = new PdfboxRule();
        int duplicates = 0;
        int crowdedPages = 0;
        int gridPages = 0;
        int beyondNear = 0;
        for (int page = 0; page < 100; page++) {
            ours.startPage();
            reference.startPage();
            // 0 text lines, 1 text lines with odd values, 2 a crowded spot, 3 hair-thin glyphs, 4 text lines
            // across the edges of the cells held in an array (negative, and past NEAR cells)
            int kind = page % 5;
            List<float[]> previous = new ArrayList<>();
            for (int g = 0; g < (kind == 2 ? 3000 : 1500); g++) {
                float x;
                float y;
                if (!previous.isEmpty() && random.nextInt(3) == 0) { // overprint an earlier glyph, a little off
                    float[] p = previous.get(random.nextInt(previous.size()));
                    x = p[0] + (random.nextInt(9) - 4) * 0.25f;
                    y = p[1] + (random.nextInt(9) - 4) * 0.25f;
                } else if (kind == 2) {
                    x = 100 + random.nextInt(40) * 0.25f;
                    y = 100 + random.nextInt(40) * 0.25f;
                } else if (kind == 4) {
                    float edge = OverprintedGlyphs.NEAR * OverprintedGlyphs.CELL;
                    x = (random.nextBoolean() ? -40 : edge - 40) + random.nextInt(320) * 0.25f;
                    y = (random.nextBoolean() ? -36 : edge - 36) + random.nextInt(6) * 12 + random.nextInt(3) * 0.25f;
                    beyondNear += x < 0 || y < 0 || x >= edge || y >= edge ? 1 : 0;
                } else {
                    x = random.nextInt(2400) * 0.25f;
                    y = random.nextInt(60) * 12 + random.nextInt(3) * 0.25f;
                }
                if (kind == 1 && random.nextInt(6) == 0) {
                    if (random.nextBoolean()) {
                        x = odd[random.nextInt(odd.length)];
                    } else {
                        y = odd[random.nextInt(odd.length)];
                    }
                }
                previous.add(new float[] {x, y});
                float width = kind == 3 ? random.nextInt(4) * 0.01f : 2 + random.nextInt(12) * 0.5f;
                if (kind == 1 && random.nextInt(10) == 0) {
                    width = odd[random.nextInt(odd.length)];
                }
                float endX = x + width;
                String text = texts[random.nextInt(texts.length)];
                TextPosition glyph = new TextPosition(0, 600, 800, Matrix.getTranslateInstance(x, 800 - y), endX, 0, 10,
                        width, 3, text, new int[] {1}, null, 10, 10);
                String expected = outcome(() -> reference.isDuplicate(glyph));
                assertThat(outcome(() -> ours.isDuplicate(glyph))).as("page %d glyph %d", page, g).isEqualTo(expected);
                duplicates += expected.equals("true") ? 1 : 0;
            }
            if (ours.crowded()) {
                crowdedPages++;
            } else {
                gridPages++;
            }
        }
        assertThat(duplicates).isGreaterThan(10_000);
        assertThat(beyondNear).as("glyphs outside the cells held in an array").isGreaterThan(5_000);
        assertThat(crowdedPages).as("pages moved to trees").isGreaterThan(5);
        assertThat(gridPages).as("pages kept in the grid").isGreaterThan(20);
    }

    private static String outcome(java.util.function.BooleanSupplier decision) {
        try {
            return Boolean.toString(decision.getAsBoolean());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** PDFBox 3.0's rule, as written in PDFTextStripper.processTextPosition. */
    private static final class PdfboxRule {
        private final java.util.Map<String, java.util.TreeMap<Float, java.util.TreeSet<Float>>> characterListMapping =
                new java.util.HashMap<>();

        void startPage() {
            characterListMapping.clear();
        }

        boolean isDuplicate(TextPosition text) {
            String textCharacter = text.getUnicode();
            float textX = text.getX();
            float textY = text.getY();
            java.util.TreeMap<Float, java.util.TreeSet<Float>> sameTextCharacters = characterListMapping
                    .computeIfAbsent(textCharacter, k -> new java.util.TreeMap<>());
            float tolerance = text.getWidth() / textCharacter.length() / 3.0f;
            for (java.util.TreeSet<Float> xMatch : sameTextCharacters.subMap(textX - tolerance, textX + tolerance).values()) {
                if (!xMatch.subSet(textY - tolerance, textY + tolerance).isEmpty()) {
                    return true;
                }
            }
            sameTextCharacters.computeIfAbsent(textX, k -> new java.util.TreeSet<>()).add(textY);
            return false;
        }
    }

    private static List<String> ours(PDDocument pdf, TextOrder order) throws IOException {
        return new PageTextExtractor(order, Cancellation.none(), w -> { }).extract(pdf).pages();
    }

    /** PDFBox's stripper with its own duplicate suppression, one page at a time, normalised alike. */
    private static List<String> pdfbox(PDDocument pdf, TextOrder order) throws IOException {
        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSuppressDuplicateOverlappingText(true);
            stripper.setSortByPosition(order == TextOrder.POSITION);
            stripper.setLineSeparator("\n");
            stripper.setPageStart("");
            stripper.setPageEnd("");
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            StringWriter out = new StringWriter();
            try {
                stripper.writeText(pdf, out);
                pages.add(PageTextExtractor.normalize(out.toString()));
            } catch (IOException | RuntimeException e) {
                pages.add(""); // the extractor keeps going too, with a warning for the page
            }
        }
        return pages;
    }

    private static void writeOverprinted(Path file) throws IOException {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font body = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // fake bold: the same heading three times, a fraction of a point apart
                for (float dx : new float[] {0, 0.3f, 0.6f}) {
                    text(cs, bold, 16, 72 + dx, 760, "Fake bold heading");
                }
                // a shadow one point off, then the text again
                text(cs, body, 12, 73, 719, "Shadowed words on a line");
                text(cs, body, 12, 72, 720, "Shadowed words on a line");
                // the same characters far apart are not duplicates
                text(cs, body, 12, 72, 680, "aaaa bbbb aaaa bbbb");
                text(cs, body, 12, 72, 660, "aaaa bbbb aaaa bbbb");
                // overprinted inside an /ActualText span: PDFBox keeps those glyphs
                COSDictionary props = new COSDictionary();
                props.setString(COSName.ACTUAL_TEXT, "Replaced");
                cs.beginMarkedContent(COSName.getPDFName("Span"), org.apache.pdfbox.pdmodel.documentinterchange.markedcontent
                        .PDPropertyList.create(props));
                text(cs, body, 12, 72, 620, "XY");
                text(cs, body, 12, 72.2f, 620, "XY");
                cs.endMarkedContent();
                text(cs, body, 12, 72, 600, "After the span the rule applies again");
                text(cs, body, 12, 72.2f, 600, "After the span the rule applies again");
                // many identical glyphs on one line: exercises the tree fallback
                StringBuilder dots = new StringBuilder();
                for (int i = 0; i < 60; i++) {
                    dots.append("..........");
                }
                for (int row = 0; row < 6; row++) {
                    text(cs, body, 3, 20, 400 - row * 0.5f, dots.toString());
                    text(cs, body, 3, 20.2f, 400 - row * 0.5f, dots.toString());
                }
            }
            doc.save(file.toFile());
        }
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
