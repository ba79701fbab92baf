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
 * (interleaved runs of {@code bin/pdfvariants}). The loop is otherwise PDFBox's: every glyph gets
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
            Matrix textRenderingMatrix = parameters.multiply(textMatrix).multiply(state.getCurrentTransformationMatrix());
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
}
