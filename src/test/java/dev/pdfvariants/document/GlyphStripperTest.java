package dev.pdfvariants.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.testing.Corpus;

/**
 * {@link GlyphStripper}'s glyph loop places every glyph exactly where PDFBox's own does: the same
 * text positions, to the bit, under every text state parameter that moves glyphs (character and
 * word spacing, horizontal scaling, rise, text and transformation matrices, TJ adjustments), for
 * single-byte, two-byte and vertical fonts, and on the samples and real documents of the corpus.
 */
class GlyphStripperTest {

    @Test
    void everyTextStateParameterMovesGlyphsAsInPdfbox(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("text-state.pdf");
        writeTextStateSampler(file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<String> ours = positions(pdf, true);
            assertThat(ours).hasSizeGreaterThan(400);
            assertThat(ours).isEqualTo(positions(pdf, false));
        }
    }

    @Test
    void matrixProductsEqualPdfboxsToTheBitOrFailAsTheyDo() {
        Random random = new Random(7);
        float[] special = {0f, -0f, 1f, -1f, 1e-30f, 3e38f, -3e38f, Float.MIN_VALUE, Float.NaN,
            Float.POSITIVE_INFINITY};
        for (int round = 0; round < 20_000; round++) {
            Matrix a = randomMatrix(random, special);
            Matrix b = randomMatrix(random, special);
            Matrix c = randomMatrix(random, special);
            Matrix expected;
            try {
                expected = a.multiply(b).multiply(c);
            } catch (IllegalArgumentException e) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> GlyphStripper.product(a, b, c))
                        .as("round " + round).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            Matrix actual = GlyphStripper.product(a, b, c);
            for (int k = 0; k < 9; k++) {
                assertThat(Float.floatToRawIntBits(actual.getValue(k / 3, k % 3))).as("round " + round + ", value " + k)
                        .isEqualTo(Float.floatToRawIntBits(expected.getValue(k / 3, k % 3)));
            }
        }
    }

    /** Mostly ordinary affine matrices, now and then with signed zeros, extremes, NaN or infinity, or not affine. */
    private static Matrix randomMatrix(Random random, float[] special) {
        float[] v = new float[6];
        for (int k = 0; k < 6; k++) {
            v[k] = random.nextInt(8) == 0 ? special[random.nextInt(special.length)]
                    : (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7) - 3));
        }
        Matrix m = new Matrix(v[0], v[1], v[2], v[3], v[4], v[5]);
        if (random.nextInt(10) == 0) { // not affine: PDFBox never makes one, but Matrix.setValue can
            m.setValue(random.nextInt(3), 2, random.nextBoolean() ? -0f : random.nextFloat());
        }
        return m;
    }

    @Test
    void samplesGiveThePdfboxPositions() throws IOException {
        List<Path> files = new ArrayList<>();
        addPdfs(Corpus.samples(), files);
        assertThat(samePositions(files)).isGreaterThan(1_000);
    }

    @Test
    void realDocumentsGiveThePdfboxPositions() throws IOException {
        Path corpus = Corpus.require();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("text", "papers", "lang", "outline", "scanned")) {
            addPdfs(corpus.resolve(folder), files);
        }
        assertThat(samePositions(files)).isGreaterThan(100_000);
    }

    /** Asserts that each file's glyphs are placed as PDFBox places them; returns how many were compared. */
    private static int samePositions(List<Path> files) throws IOException {
        int compared = 0;
        for (Path f : files) {
            try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
                List<String> ours = positions(pdf, true);
                assertThat(ours).as(f.toString()).isEqualTo(positions(pdf, false));
                compared += ours.size();
            } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
                // needs a password: not this test's subject
            } catch (IOException e) {
                // a file that does not parse (the truncated sample): nothing to compare
            }
        }
        return compared;
    }

    private static void addPdfs(Path folder, List<Path> files) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> p.toString().endsWith(".pdf")).filter(p -> p.toFile().length() < 3_000_000).sorted()
                    .forEach(files::add);
        }
    }

    /**
     * Every glyph the stripper is given, with all that places it: by {@link GlyphStripper}'s loop
     * ({@code ours}) or by PDFBox's own.
     */
    private static List<String> positions(PDDocument pdf, boolean ours) throws IOException {
        List<String> recorded = new ArrayList<>();
        PDFTextStripper stripper = ours ? new GlyphStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                recorded.add(describe(text));
                super.processTextPosition(text);
            }
        } : new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                recorded.add(describe(text));
                super.processTextPosition(text);
            }
        };
        stripper.getText(pdf);
        return recorded;
    }

    private static String describe(TextPosition t) {
        Matrix m = t.getTextMatrix();
        return String.format(Locale.ROOT, "%s x=%s y=%s w=%s h=%s size=%s pt=%s xs=%s ys=%s space=%s dir=%s m=%s,%s,%s,%s,%s,%s widths=%s",
                t.getUnicode(), t.getX(), t.getY(), t.getWidth(), t.getHeight(), t.getFontSize(), t.getFontSizeInPt(),
                t.getXScale(), t.getYScale(), t.getWidthOfSpace(), t.getDir(), m.getScaleX(), m.getShearY(),
                m.getShearX(), m.getScaleY(), m.getTranslateX(), m.getTranslateY(),
                java.util.Arrays.toString(t.getIndividualWidths()));
    }

    /**
     * One page per font (Helvetica: single-byte codes; DejaVu Sans embedded whole as a
     * two-byte Identity-H font, where "=" is glyph 32, shown as the two-byte code 32, to which word
     * spacing must not apply; the same
     * as a vertical Identity-V font), each showing text under spacing, scaling, rise, a rotated
     * and skewed text matrix, a scaled transformation matrix and TJ adjustments.
     */
    private static void writeTextStateSampler(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            List<PDFont> fonts = new ArrayList<>();
            fonts.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            try (InputStream ttf = GlyphStripperTest.class.getResourceAsStream("/dev/pdfvariants/slides/DejaVuSans.ttf")) {
                fonts.add(PDType0Font.load(doc, ttf, false));
            }
            try (InputStream ttf = GlyphStripperTest.class.getResourceAsStream("/dev/pdfvariants/slides/DejaVuSans.ttf")) {
                fonts.add(PDType0Font.loadVertical(doc, ttf));
            }
            for (PDFont font : fonts) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.transform(new Matrix(1.1f, 0, 0, 0.9f, 10, 20));
                    float y = 760;
                    for (int k = 0; k < 8; k++) {
                        cs.beginText();
                        cs.setFont(font, 9 + k);
                        cs.setCharacterSpacing(k % 3 == 0 ? 0 : 0.7f * k - 2);
                        cs.setWordSpacing(k % 2 == 0 ? 0 : 3.5f * k);
                        cs.setHorizontalScaling(k % 4 == 0 ? 100 : 60 + 15 * k);
                        cs.setTextRise(k % 3 == 1 ? 2.5f * k : 0);
                        if (k == 5) {
                            cs.setTextMatrix(new Matrix(0.8f, 0.3f, -0.25f, 0.9f, 60, y)); // rotated and skewed
                        } else {
                            cs.newLineAtOffset(40 + 3 * k, y);
                        }
                        cs.showText("Spacing and scaling move words apart, " + k + " = " + k + " times.");
                        cs.newLineAtOffset(0, -14);
                        cs.showTextWithPositioning(new Object[] {"Kerned", -120f, "text with", 250f, "adjustments"});
                        cs.endText();
                        y -= 90;
                    }
                }
            }
            doc.save(file.toFile());
        }
    }
}
