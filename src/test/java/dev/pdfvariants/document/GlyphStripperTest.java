package dev.pdfvariants.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
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
            // the rarer branches were taken: a turned page, a code taken as a char, a Type 3 font, a skipped code
            assertThat(ours).anyMatch(p -> p.contains(" rot=90 "));
            assertThat(ours).anyMatch(p -> p.startsWith("\u00c8 codes=[200] "));
            assertThat(ours).anyMatch(p -> p.contains(" font=Boxes "));
            String unmapped = "codes=[" + unmappedGlyph() + "]";
            assertThat(ours).anyMatch(p -> p.startsWith("C codes=[38] font=DejaVuSans")).noneMatch(p -> p.contains(unmapped));
            assertThat(ours).anyMatch(p -> p.contains("codes=[256] font=DejaVuSans"));
            assertThat(ours).anyMatch(p -> p.startsWith("B codes=[37] ")).anyMatch(p -> p.startsWith("C codes=[32806] "));
        }
    }

    /**
     * A glyph whose end PDFBox's matrices reject (its advance overflows a float): PDFBox's own
     * method runs and fails as PDFBox does, after the same glyphs before it.
     */
    @Test
    void anAdvancePdfboxRejectsFailsAsInPdfbox(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("overflow.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            PDPage page = new PDPage(PDRectangle.A4);
            page.setResources(resources);
            PDStream content = new PDStream(doc);
            try (OutputStream out = content.createOutputStream()) {
                out.write(("BT /F1 12 Tf 72 700 Td (Fine.) Tj ET\n"
                        // placed at 3.3e38 points from the left edge, the glyph would end beyond a float's range
                        + "q 10000000000 0 0 10000000000 0 0 cm 10000000000 0 0 10000000000 0 0 cm"
                        + " 10000000000 0 0 10000000000 0 0 cm BT /F1 20000000 Tf 1 0 0 1 330000000 0 Tm (AB) Tj ET Q\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            doc.addPage(page);
            doc.save(file.toFile());
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<String> ours = positionsOrFailure(pdf, true);
            assertThat(ours).isEqualTo(positionsOrFailure(pdf, false));
            assertThat(ours).hasSize(6).last().asString().startsWith("failed: IllegalArgumentException");
        }
    }

    private static List<String> positionsOrFailure(PDDocument pdf, boolean ours) throws IOException {
        List<String> recorded = new ArrayList<>();
        try {
            positions(pdf, ours, recorded);
        } catch (IllegalArgumentException e) {
            recorded.add("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return recorded;
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

    /**
     * The corpus's malformed and hostile files, and those made of images: whatever PDFBox makes of
     * them (positions, then perhaps a failure), the loop makes the same.
     */
    @Test
    void malformedDocumentsGiveThePdfboxPositionsAndFailures() throws IOException {
        Path corpus = Corpus.require();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("malformed", "images")) {
            addPdfs(corpus.resolve(folder), files);
        }
        // decompression bombs are for the loader's limits, not the glyph loop: unguarded, they take minutes
        files.removeIf(f -> f.getFileName().toString().contains("bomb"));
        int compared = 0;
        for (Path f : files) {
            PDDocument pdf;
            try {
                pdf = Loader.loadPDF(f.toFile());
            } catch (IOException e) {
                continue; // does not open: nothing to extract
            }
            try (pdf) {
                List<String> ours = positionsOrAnyFailure(pdf, true);
                assertThat(ours).as(f.toString()).isEqualTo(positionsOrAnyFailure(pdf, false));
                compared += ours.size();
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    private static List<String> positionsOrAnyFailure(PDDocument pdf, boolean ours) {
        List<String> recorded = new ArrayList<>();
        try {
            positions(pdf, ours, recorded);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            recorded.add("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return recorded;
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
        return positions(pdf, ours, new ArrayList<>());
    }

    /** {@link #positions(PDDocument, boolean)} into {@code recorded}, which keeps what came before a failure. */
    private static List<String> positions(PDDocument pdf, boolean ours, List<String> recorded) throws IOException {
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
        return String.format(Locale.ROOT, "%s codes=%s font=%s x=%s y=%s end=%s,%s adj=%s,%s w=%s h=%s hdir=%s wadj=%s"
                + " size=%s pt=%s xs=%s ys=%s space=%s dir=%s rot=%s page=%sx%s m=%s,%s,%s,%s,%s,%s widths=%s",
                t.getUnicode(), java.util.Arrays.toString(t.getCharacterCodes()), t.getFont().getName(), t.getX(), t.getY(),
                t.getEndX(), t.getEndY(), t.getXDirAdj(), t.getYDirAdj(), t.getWidth(), t.getHeight(), t.getHeightDir(),
                t.getWidthDirAdj(), t.getFontSize(), t.getFontSizeInPt(), t.getXScale(), t.getYScale(), t.getWidthOfSpace(),
                t.getDir(), t.getRotation(), t.getPageWidth(), t.getPageHeight(), m.getScaleX(), m.getShearY(),
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
            fonts.add(dejaVu(doc));
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
            addEdgePages(doc, fonts.get(0), fonts.get(1));
            doc.save(file.toFile());
        }
    }

    /**
     * Pages for the rarer branches of a glyph's placement: a page turned a quarter and cropped off
     * its corner (the crop box's offset is taken off every position); codes without Unicode, which a
     * simple font takes as chars and a composite font (here without its ToUnicode map) skips; a
     * Type 3 font, whose glyph space is its own font matrix's; a two-byte string with a byte left
     * over; and an embedded CMap whose codes are one or two bytes long.
     */
    private static void addEdgePages(PDDocument doc, PDFont helvetica, PDFont dejaVu) throws IOException {
        PDPage turned = new PDPage(PDRectangle.A4);
        turned.setRotation(90);
        turned.setCropBox(new PDRectangle(30, 40, 480, 700));
        doc.addPage(turned);
        try (PDPageContentStream cs = new PDPageContentStream(doc, turned)) {
            cs.beginText();
            cs.setFont(helvetica, 11);
            cs.newLineAtOffset(60, 600);
            cs.showText("A turned page, cropped off its corner.");
            cs.endText();
        }
        // a simple font whose code 200 is named by no glyph list: taken as the char U+00C8
        COSDictionary odd = new COSDictionary();
        odd.setItem(COSName.TYPE, COSName.FONT);
        odd.setItem(COSName.SUBTYPE, COSName.TYPE1);
        odd.setName(COSName.BASE_FONT, "Helvetica");
        COSDictionary oddEncoding = new COSDictionary();
        oddEncoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
        oddEncoding.setItem(COSName.DIFFERENCES, array(COSInteger.get(200), COSName.getPDFName("zzunnamed")));
        odd.setItem(COSName.ENCODING, oddEncoding);
        // a composite font without its ToUnicode map, showing a glyph its cmap does not map either: skipped
        PDType0Font noUnicode = dejaVu(doc);
        noUnicode.getCOSObject().removeItem(COSName.TO_UNICODE);
        int unmapped = unmappedGlyph();
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("F1"), new PDType1Font(odd));
        resources.put(COSName.getPDFName("F2"), noUnicode);
        resources.put(COSName.getPDFName("F3"), type3Font(doc));
        resources.put(COSName.getPDFName("F4"), dejaVu);
        resources.put(COSName.getPDFName("F5"), mixedWidthCodes(doc));
        PDPage raw = new PDPage(PDRectangle.A4);
        raw.setResources(resources);
        PDStream content = new PDStream(doc);
        try (OutputStream out = content.createOutputStream()) {
            out.write(("BT /F1 12 Tf 72 700 Td (A\\310B) Tj ET\n"
                    + String.format(Locale.ROOT, "BT /F2 12 Tf 72 650 Td <00240025%04X0026> Tj ET%n", unmapped)
                    + "BT /F3 10 Tf 72 600 Td 0.5 Tc (abba) Tj ET\n"
                    // an odd byte out at the end of a two-byte string: PDFBox reads it as the high byte of a code
                    + "BT /F4 12 Tf 72 550 Td <0024002501> Tj ET\n"
                    + "BT /F5 12 Tf 72 500 Td <24258026> Tj ET\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        raw.setContents(content);
        doc.addPage(raw);
    }

    /**
     * DejaVu Sans as a composite font whose embedded CMap has one-byte codes (00-7F) and two-byte
     * ones (8000-FFFF), both to the glyph of the same number: its codes are not two bytes each.
     */
    private static PDFont mixedWidthCodes(PDDocument doc) throws IOException {
        PDType0Font font = dejaVu(doc);
        COSStream cmap = doc.getDocument().createCOSStream();
        try (OutputStream out = cmap.createOutputStream()) {
            out.write(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                    + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
                    + "/CMapName /MixedWidths def /CMapType 1 def\n"
                    + "2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange\n"
                    + "2 begincidrange <00> <7F> 0 <8000> <80FF> 0 endcidrange\n"
                    + "endcmap CMapName currentdict /CMap defineresource pop end end\n").getBytes(StandardCharsets.US_ASCII));
        }
        font.getCOSObject().setItem(COSName.ENCODING, cmap);
        font.getCOSObject().removeItem(COSName.TO_UNICODE);
        return font;
    }

    /** DejaVu Sans embedded whole, as a two-byte Identity-H font. */
    private static PDType0Font dejaVu(PDDocument doc) throws IOException {
        try (InputStream ttf = GlyphStripperTest.class.getResourceAsStream("/dev/pdfvariants/slides/DejaVuSans.ttf")) {
            return PDType0Font.load(doc, ttf, false);
        }
    }

    /** A glyph of DejaVu Sans that its Unicode cmap gives no character. */
    static int unmappedGlyph() throws IOException {
        try (InputStream in = GlyphStripperTest.class.getResourceAsStream("/dev/pdfvariants/slides/DejaVuSans.ttf");
                org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
                        .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
            org.apache.fontbox.ttf.CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
                if (cmap.getCharCodes(gid) == null) {
                    return gid;
                }
            }
        }
        throw new IllegalStateException("every glyph of DejaVu Sans has a character");
    }

    private static COSArray array(COSBase... items) {
        COSArray array = new COSArray();
        for (COSBase item : items) {
            array.add(item);
        }
        return array;
    }

    /** A Type 3 font of two box glyphs, a and b, in a glyph space of 1/500 of text space. */
    private static PDFont type3Font(PDDocument doc) throws IOException {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.getPDFName("Type3"));
        font.setName(COSName.NAME, "Boxes");
        font.setItem(COSName.FONT_BBOX, new PDRectangle(0, 0, 300, 400).getCOSArray());
        font.setItem(COSName.FONT_MATRIX,
                array(new COSFloat(0.002f), COSInteger.ZERO,
                        COSInteger.ZERO, new COSFloat(0.002f),
                        COSInteger.ZERO, COSInteger.ZERO));
        COSDictionary procs = new COSDictionary();
        for (String glyph : List.of("a", "b")) {
            COSStream proc = doc.getDocument().createCOSStream();
            try (OutputStream out = proc.createOutputStream()) {
                out.write("250 0 0 0 200 350 d1 0 0 200 350 re f".getBytes(StandardCharsets.US_ASCII));
            }
            procs.setItem(glyph, proc);
        }
        font.setItem(COSName.CHAR_PROCS, procs);
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        encoding.setItem(COSName.DIFFERENCES, array(
                COSInteger.get(97), COSName.getPDFName("a"),
                COSName.getPDFName("b")));
        font.setItem(COSName.ENCODING, encoding);
        font.setInt(COSName.FIRST_CHAR, 97);
        font.setInt(COSName.LAST_CHAR, 98);
        font.setItem(COSName.WIDTHS,
                array(COSInteger.get(250), COSInteger.get(300)));
        return new PDType3Font(font);
    }
}
