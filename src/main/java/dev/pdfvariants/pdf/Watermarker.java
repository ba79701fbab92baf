package dev.pdfvariants.pdf;

import java.io.IOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import dev.pdfvariants.config.DocumentSettings.Layer;
import dev.pdfvariants.config.DocumentSettings.Watermark;
import dev.pdfvariants.document.Cancellation;

/**
 * Stamps one line of text on every page: centred on the visible area, at the requested angle as
 * the page is viewed (pages with {@code /Rotate} included), sized to fit the page, in grey with the
 * requested opacity, over or under the content. The stamp is marked as an artifact so that screen
 * readers skip it.
 */
public final class Watermarker {
    /** For measuring only: a font written into a document must belong to that document. */
    private static final PDType1Font METRICS = font();
    /** The stamp's bounding box may take this share of the page's width and height. */
    private static final float FILL = 0.8f;

    private Watermarker() {
    }

    /** Throws {@link IllegalArgumentException} when the standard font cannot show the text (it covers Latin-1). */
    public static void requireEncodable(String text) {
        try {
            METRICS.encode(text);
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("the watermark text has characters the standard Helvetica font cannot "
                    + "show; use Latin-1 (Western European) characters");
        }
    }

    /** Stamps every page of {@code pdf} (a private copy). Returns the number of pages stamped. */
    public static int stamp(PDDocument pdf, Watermark watermark, Cancellation cancellation) throws IOException {
        PDExtendedGraphicsState transparency = new PDExtendedGraphicsState();
        transparency.setNonStrokingAlphaConstant(watermark.opacity());
        transparency.setStrokingAlphaConstant(watermark.opacity());
        PDType1Font font = font(); // one per document: PDFBox numbers a font's dictionary when it saves it
        float unitWidth = font.getStringWidth(watermark.text()) / 1000f;
        int stamped = 0;
        for (PDPage page : pdf.getPages()) {
            cancellation.checkpoint();
            stampPage(pdf, page, watermark, transparency, font, unitWidth);
            stamped++;
        }
        return stamped;
    }

    private static PDType1Font font() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    }

    private static void stampPage(PDDocument pdf, PDPage page, Watermark watermark, PDExtendedGraphicsState transparency,
            PDType1Font font, float unitWidth) throws IOException {
        PDRectangle box = page.getCropBox();
        double radians = Math.toRadians(watermark.angle() + page.getRotation());
        double cos = Math.abs(Math.cos(radians));
        double sin = Math.abs(Math.sin(radians));
        // the rotated text box (unitWidth*size by size) must fit FILL of the page both ways
        float size = (float) Math.min(FILL * box.getWidth() / (unitWidth * cos + sin),
                FILL * box.getHeight() / (unitWidth * sin + cos));
        if (!(size > 0.5f)) {
            return; // a degenerate page: nothing sensible to draw
        }
        boolean under = watermark.layer() == Layer.UNDER;
        try (PDPageContentStream cs = new PDPageContentStream(pdf, page,
                under ? AppendMode.PREPEND : AppendMode.APPEND, true, !under)) {
            cs.saveGraphicsState();
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.setGraphicsStateParameters(transparency);
            cs.setNonStrokingColor(0.5f, 0.5f, 0.5f);
            cs.beginText();
            cs.setFont(font, size);
            Matrix m = Matrix.getTranslateInstance(box.getLowerLeftX() + box.getWidth() / 2,
                    box.getLowerLeftY() + box.getHeight() / 2);
            m.rotate(radians);
            // centre the text on the origin: half its width left, a third of the size down (cap height)
            m.translate(-unitWidth * size / 2, -size / 3);
            cs.setTextMatrix(m);
            cs.showText(watermark.text());
            cs.endText();
            cs.endMarkedContent();
            cs.restoreGraphicsState();
        }
    }
}
