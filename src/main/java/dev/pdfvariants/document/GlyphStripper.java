package dev.pdfvariants.document;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * steady extraction, 4-5 % of a 36,000-page run. The loop is otherwise PDFBox's: every glyph gets
 * the same rendering matrix, displacement and advance, so the text positions are the same to the
 * bit. {@code GlyphStripperTest} compares them with those of the PDFBox in use, so an upgrade that
 * changes PDFBox's loop fails it rather than changing the text.
 */
abstract class GlyphStripper extends PDFTextStripper {

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
        CodeBytes in = new CodeBytes(string);
        while (in.available() > 0) {
            int before = in.available();
            int code = font.readCode(in);
            int codeLength = before - in.available();
            float wordSpacing = 0;
            if (codeLength == 1 && code == 32) { // word spacing applies to the single-byte code 32 only
                wordSpacing += textState.getWordSpacing();
            }
            Matrix textRenderingMatrix = product(parameters, textMatrix, state.getCurrentTransformationMatrix());
            if (font.isVertical()) {
                textRenderingMatrix.translate(font.getPositionVector(code));
            }
            Vector w = font.getDisplacement(code);
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
