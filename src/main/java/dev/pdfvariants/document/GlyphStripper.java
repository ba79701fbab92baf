package dev.pdfvariants.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * PDFBox's text stripper with a glyph loop that takes no locks. PDFBox reads a shown string's
 * character codes from a {@code ByteArrayInputStream}, whose every method is synchronized: three or
 * four lock operations per glyph, which JDK 17 (no biased locking) performs as atomic instructions.
 * They showed as 4 % of the samples of a text extraction's profile and hid more behind them: reading
 * the codes from {@link CodeBytes} instead made {@code -v text} 3-5 % faster on the generated corpus
 * (interleaved runs of {@code bin/pdfvariants}). Each glyph's rendering matrix is also computed in
 * one go ({@link #product}) rather than through PDFBox's intermediate matrix and its checks: 3 % of a
 * steady extraction, 4-5 % of a 36,000-page run. Each glyph then becomes a text position
 * ({@link #showGlyph}) without the two further matrix products and the {@code WeakHashMap} look-up
 * PDFBox's text engine makes for it: {@code -v text} on the generated corpus 8 % faster, a steady
 * extraction about 4 %. Codes of the predefined Identity CMaps, the usual encoding of embedded
 * fonts, are read as the two bytes they are ({@link #identityCodes}) instead of through PDFBox's
 * per-glyph stream over the CMap's code space ranges: a steady extraction of the generated
 * reports 6-9 % faster, {@code -v text} 5 %. A horizontal font's displacement is asked of the font
 * once per code ({@link #displacement}): a steady extraction 3-4 % faster ({@code -v text} batches
 * within their noise). The loop is otherwise PDFBox's: every glyph gets the same code, rendering
 * matrix, displacement, advance and text position, to the bit.
 * {@code GlyphStripperTest} compares them with those of the PDFBox in use, so an upgrade that
 * changes PDFBox's loop fails it rather than changing the text.
 */
abstract class GlyphStripper extends PDFTextStripper {
    /** PDFBox's glyph list for text extraction: Adobe's, with the names PDFBox adds for it. */
    private static final GlyphList GLYPHS = extractionGlyphList();

    /** The page's rotation, crop box and the crop box's offset, as PDFBox's text engine keeps them. */
    private int pageRotation;
    private PDRectangle pageSize;
    private Matrix translateMatrix;
    /** Each font's glyph height (PDFBox's {@code computeFontHeight}), once per font as PDFBox does; the last one at hand. */
    private final Map<COSDictionary, Float> fontHeights = new IdentityHashMap<>();
    private COSDictionary lastFont;
    private float lastFontHeight;
    /**
     * Each horizontal font's glyph displacements by code (below {@value #CACHED_CODES}), as the font
     * gave them; the last font's at hand.
     */
    private final Map<COSDictionary, Vector[]> displacements = new IdentityHashMap<>();
    private COSDictionary displacementFont;
    private Vector[] fontDisplacements;
    private static final int CACHED_CODES = 1 << 16;
    /** The font last asked about in {@link #identityCodes}, and the answer. */
    private PDFont identityFont;
    private boolean identity;
    /** Where the glyph being shown ends, set by {@link #advance}. */
    private float nextX;
    private float nextY;

    private static GlyphList extractionGlyphList() {
        try (InputStream input = GlyphList.class.getResourceAsStream("/org/apache/pdfbox/resources/glyphlist/additional.txt")) {
            return new GlyphList(GlyphList.getAdobeGlyphList(), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        pageRotation = page.getRotation();
        pageSize = page.getCropBox();
        if (Float.compare(pageSize.getLowerLeftX(), 0) == 0 && Float.compare(pageSize.getLowerLeftY(), 0) == 0) {
            translateMatrix = null;
        } else {
            translateMatrix = Matrix.getTranslateInstance(-pageSize.getLowerLeftX(), -pageSize.getLowerLeftY());
        }
        super.processPage(page);
    }

    /** The crop box of the page being processed, as its glyphs are placed in it. */
    protected final PDRectangle pageCropBox() {
        return pageSize;
    }

    /** The rotation of the page being processed. */
    protected final int pageRotation() {
        return pageRotation;
    }

    /**
     * Shows each glyph of a string (PDF 32000 9.4.4): the same steps and arithmetic as PDFBox's
     * {@code PDFStreamEngine.showText}, reading the codes through {@link CodeBytes}. Without a
     * current font, PDFBox's own method (which falls back to a default font) runs.
     */
    @Override
    protected void showText(byte[] string) throws IOException {
        PDGraphicsState state = getGraphicsState();
        PDTextState textState = state.getTextState();
        PDFont font = textState.getFont();
        if (font == null) {
            super.showText(string);
            return;
        }
        float fontSize = textState.getFontSize();
        float horizontalScaling = textState.getHorizontalScaling() / 100f;
        float charSpacing = textState.getCharacterSpacing();
        // text space to user space before the text matrix: size, scaling and rise
        Matrix parameters = new Matrix(fontSize * horizontalScaling, 0, 0, fontSize, 0, textState.getRise());
        Matrix textMatrix = state.getTextMatrix();
        boolean identity = identityCodes(font);
        CodeBytes in = new CodeBytes(string);
        while (in.available() > 0) {
            int before = in.available();
            int code;
            if (identity) { // what PDFBox's Identity CMap reads: two bytes, or a last lone byte as the high one
                int high = in.read();
                int low = in.read();
                code = low < 0 ? high << 8 : high << 8 | low;
            } else {
                code = font.readCode(in);
            }
            int codeLength = before - in.available();
            float wordSpacing = 0;
            if (codeLength == 1 && code == 32) { // word spacing applies to the single-byte code 32 only
                wordSpacing += textState.getWordSpacing();
            }
            Matrix textRenderingMatrix = product(parameters, textMatrix, state.getCurrentTransformationMatrix());
            if (font.isVertical()) {
                textRenderingMatrix.translate(font.getPositionVector(code));
            }
            Vector w = font.isVertical() ? font.getDisplacement(code) : displacement(font, code);
            showGlyph(textRenderingMatrix, font, code, w);
            float tx;
            float ty;
            if (font.isVertical()) {
                tx = 0;
                ty = w.getY() * fontSize + charSpacing + wordSpacing;
            } else {
                tx = (w.getX() * fontSize + charSpacing + wordSpacing) * horizontalScaling;
                ty = 0;
            }
            textMatrix.translate(tx, ty);
        }
    }

    /**
     * Whether the font's codes are those of the predefined Identity-H or Identity-V CMap (named by
     * the font's {@code /Encoding}, not embedded): two bytes each, every two bytes a code, which
     * PDFBox's {@code CMap.readCode} finds by streaming over the CMap's code space ranges for each
     * glyph. Looked up once per font in a row.
     */
    private boolean identityCodes(PDFont font) {
        if (font != identityFont) {
            identityFont = font;
            identity = font instanceof PDType0Font type0
                    && font.getCOSObject().getDictionaryObject(COSName.ENCODING) instanceof COSName encoding
                    && (COSName.IDENTITY_H.equals(encoding) || COSName.IDENTITY_V.equals(encoding))
                    && type0.getCMap() != null && encoding.getName().equals(type0.getCMap().getName());
        }
        return identity;
    }

    /**
     * One glyph as a text position: PDFBox's {@code LegacyPDFStreamEngine.showGlyph}, step for step,
     * with where the glyph ends worked out in floats ({@link #advance}) instead of two matrix
     * products, and each font's height looked up by identity (the last font first) instead of in a
     * {@code WeakHashMap}. Vertical fonts, a space width that cannot be read and values PDFBox's
     * matrices reject take PDFBox's own method.
     */
    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        if (font.isVertical()) {
            super.showGlyph(textRenderingMatrix, font, code, displacement);
            return;
        }
        PDGraphicsState state = getGraphicsState();
        float fontSize = state.getTextState().getFontSize();
        float horizontalScaling = state.getTextState().getHorizontalScaling() / 100f;
        Matrix textMatrix = getTextMatrix();
        float tx = displacement.getX() * fontSize * horizontalScaling;
        float ty = displacement.getY() * fontSize;
        float spaceWidth;
        try {
            spaceWidth = font.getSpaceWidth();
        } catch (RuntimeException e) {
            spaceWidth = Float.NaN;
        }
        if (!advance(tx, ty, textMatrix, state.getCurrentTransformationMatrix()) || Float.isNaN(spaceWidth)) {
            super.showGlyph(textRenderingMatrix, font, code, displacement);
            return;
        }
        float x = nextX;
        float y = nextY;
        float dxDisplay = x - textRenderingMatrix.getTranslateX();
        float dyDisplay = fontHeight(font) * textRenderingMatrix.getScalingFactorY();
        float glyphSpaceToTextSpace = font instanceof PDType3Font ? font.getFontMatrix().getScaleX() : 1 / 1000f;
        float spaceWidthText = spaceWidth * glyphSpaceToTextSpace;
        if (Float.compare(spaceWidthText, 0) == 0) {
            spaceWidthText = font.getAverageFontWidth() * glyphSpaceToTextSpace;
            spaceWidthText *= .80f; // PDFBox: the average width is wider than a space
        }
        if (Float.compare(spaceWidthText, 0) == 0) {
            spaceWidthText = 1.0f;
        }
        float spaceWidthDisplay = spaceWidthText * textRenderingMatrix.getScalingFactorX();
        String unicode = font.toUnicode(code, GLYPHS);
        if (unicode == null) {
            if (!(font instanceof PDSimpleFont)) {
                return; // as Acrobat: a composite font's code without Unicode is skipped
            }
            unicode = new String(new char[] {(char) code}); // a simple font's code is taken as the char
        }
        Matrix translated = textRenderingMatrix;
        if (translateMatrix != null) {
            translated = Matrix.concatenate(translateMatrix, textRenderingMatrix);
            x -= pageSize.getLowerLeftX();
            y -= pageSize.getLowerLeftY();
        }
        processTextPosition(new TextPosition(pageRotation, pageSize.getWidth(), pageSize.getHeight(), translated, x, y,
                Math.abs(dyDisplay), dxDisplay, Math.abs(spaceWidthDisplay), unicode, new int[] {code}, font, fontSize,
                (int) (fontSize * textMatrix.getScalingFactorX())));
    }

    /**
     * Where a glyph ends: the translation of {@code T(tx, ty) x b x c}, into {@link #nextX} and
     * {@link #nextY}, with the products and sums of PDFBox's {@code Matrix.multiply} in its order,
     * so the same floats. False when a value of either product is not finite (PDFBox's matrices
     * reject it; the sums are a conservative test: a finite sum means finite values). Its second
     * product is {@link #product}'s, written out again: going through {@code product} with a
     * translation matrix measured 3-4 % slower on a steady extraction (four interleaved pairs).
     */
    private boolean advance(float tx, float ty, Matrix b, Matrix c) {
        float b0 = b.getValue(0, 0), b1 = b.getValue(0, 1), b2 = b.getValue(0, 2);
        float b3 = b.getValue(1, 0), b4 = b.getValue(1, 1), b5 = b.getValue(1, 2);
        float b6 = b.getValue(2, 0), b7 = b.getValue(2, 1), b8 = b.getValue(2, 2);
        // m = T(tx, ty) x b, T's rows being (1 0 0), (0 1 0), (tx ty 1)
        float m0 = 1f * b0 + 0f * b3 + 0f * b6, m1 = 1f * b1 + 0f * b4 + 0f * b7, m2 = 1f * b2 + 0f * b5 + 0f * b8;
        float m3 = 0f * b0 + 1f * b3 + 0f * b6, m4 = 0f * b1 + 1f * b4 + 0f * b7, m5 = 0f * b2 + 1f * b5 + 0f * b8;
        float m6 = tx * b0 + ty * b3 + 1f * b6, m7 = tx * b1 + ty * b4 + 1f * b7, m8 = tx * b2 + ty * b5 + 1f * b8;
        float c0 = c.getValue(0, 0), c1 = c.getValue(0, 1), c2 = c.getValue(0, 2);
        float c3 = c.getValue(1, 0), c4 = c.getValue(1, 1), c5 = c.getValue(1, 2);
        float c6 = c.getValue(2, 0), c7 = c.getValue(2, 1), c8 = c.getValue(2, 2);
        // r = m x c: every value is checked, as PDFBox checks them, though only the translation is used
        float r0 = m0 * c0 + m1 * c3 + m2 * c6, r1 = m0 * c1 + m1 * c4 + m2 * c7, r2 = m0 * c2 + m1 * c5 + m2 * c8;
        float r3 = m3 * c0 + m4 * c3 + m5 * c6, r4 = m3 * c1 + m4 * c4 + m5 * c7, r5 = m3 * c2 + m4 * c5 + m5 * c8;
        float r6 = m6 * c0 + m7 * c3 + m8 * c6, r7 = m6 * c1 + m7 * c4 + m8 * c7, r8 = m6 * c2 + m7 * c5 + m8 * c8;
        if (!Float.isFinite(m0 + m1 + m2 + m3 + m4 + m5 + m6 + m7 + m8)
                || !Float.isFinite(r0 + r1 + r2 + r3 + r4 + r5 + r6 + r7 + r8)) {
            return false;
        }
        nextX = r6;
        nextY = r7;
        return true;
    }

    /**
     * {@code font.getDisplacement(code)} of a horizontal font, asked of the font once per code: a
     * pure function of the two, which for a composite font goes through its CMap and a map of boxed
     * CID widths for every glyph (7 % of the samples of a text extraction of the generated reports).
     * A font that fails to answer is asked again next time, and fails as it did.
     */
    private Vector displacement(PDFont font, int code) throws IOException {
        if (code < 0 || code >= CACHED_CODES) {
            return font.getDisplacement(code);
        }
        COSDictionary key = font.getCOSObject();
        if (key != displacementFont) {
            displacementFont = key;
            fontDisplacements = displacements.computeIfAbsent(key, k -> new Vector[256]);
        }
        if (code >= fontDisplacements.length) {
            fontDisplacements = java.util.Arrays.copyOf(fontDisplacements, Integer.highestOneBit(code) << 1);
            displacements.put(key, fontDisplacements);
        }
        Vector known = fontDisplacements[code];
        if (known == null) {
            known = font.getDisplacement(code);
            fontDisplacements[code] = known;
        }
        return known;
    }

    /** PDFBox's {@code computeFontHeight} of a font, computed once per font. */
    private float fontHeight(PDFont font) throws IOException {
        COSDictionary key = font.getCOSObject();
        if (key != lastFont) {
            Float height = fontHeights.get(key);
            if (height == null) {
                height = computeFontHeight(font);
                fontHeights.put(key, height);
            }
            lastFont = key;
            lastFontHeight = height;
        }
        return lastFontHeight;
    }

    /**
     * {@code a.multiply(b).multiply(c)} without the intermediate matrix and its checks: the same
     * products, summed in the same order as PDFBox's {@code Matrix.multiply}, so the same floats.
     * When a value is not finite (PDFBox rejects it) or the result is not affine (no affine input
     * gives that), PDFBox's own multiplication runs and answers. The two products are written out
     * in locals: the same loops over scratch arrays measured no faster.
     */
    static Matrix product(Matrix a, Matrix b, Matrix c) {
        float a0 = a.getValue(0, 0), a1 = a.getValue(0, 1), a2 = a.getValue(0, 2);
        float a3 = a.getValue(1, 0), a4 = a.getValue(1, 1), a5 = a.getValue(1, 2);
        float a6 = a.getValue(2, 0), a7 = a.getValue(2, 1), a8 = a.getValue(2, 2);
        float b0 = b.getValue(0, 0), b1 = b.getValue(0, 1), b2 = b.getValue(0, 2);
        float b3 = b.getValue(1, 0), b4 = b.getValue(1, 1), b5 = b.getValue(1, 2);
        float b6 = b.getValue(2, 0), b7 = b.getValue(2, 1), b8 = b.getValue(2, 2);
        // ab = a x b
        float m0 = a0 * b0 + a1 * b3 + a2 * b6, m1 = a0 * b1 + a1 * b4 + a2 * b7, m2 = a0 * b2 + a1 * b5 + a2 * b8;
        float m3 = a3 * b0 + a4 * b3 + a5 * b6, m4 = a3 * b1 + a4 * b4 + a5 * b7, m5 = a3 * b2 + a4 * b5 + a5 * b8;
        float m6 = a6 * b0 + a7 * b3 + a8 * b6, m7 = a6 * b1 + a7 * b4 + a8 * b7, m8 = a6 * b2 + a7 * b5 + a8 * b8;
        float c0 = c.getValue(0, 0), c1 = c.getValue(0, 1), c2 = c.getValue(0, 2);
        float c3 = c.getValue(1, 0), c4 = c.getValue(1, 1), c5 = c.getValue(1, 2);
        float c6 = c.getValue(2, 0), c7 = c.getValue(2, 1), c8 = c.getValue(2, 2);
        // r = ab x c
        float r0 = m0 * c0 + m1 * c3 + m2 * c6, r1 = m0 * c1 + m1 * c4 + m2 * c7, r2 = m0 * c2 + m1 * c5 + m2 * c8;
        float r3 = m3 * c0 + m4 * c3 + m5 * c6, r4 = m3 * c1 + m4 * c4 + m5 * c7, r5 = m3 * c2 + m4 * c5 + m5 * c8;
        float r6 = m6 * c0 + m7 * c3 + m8 * c6, r7 = m6 * c1 + m7 * c4 + m8 * c7, r8 = m6 * c2 + m7 * c5 + m8 * c8;
        boolean finite = Float.isFinite(m0 + m1 + m2 + m3 + m4 + m5 + m6 + m7 + m8)
                && Float.isFinite(r0 + r1 + r3 + r4 + r6 + r7);
        if (!finite || Float.floatToRawIntBits(r2) != 0 || Float.floatToRawIntBits(r5) != 0 || r8 != 1) {
            return a.multiply(b).multiply(c);
        }
        return new Matrix(r0, r1, r3, r4, r6, r7);
    }
}
