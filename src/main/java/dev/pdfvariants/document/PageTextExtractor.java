package dev.pdfvariants.document;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.TextPosition;

import dev.pdfvariants.config.TextOrder;
import dev.pdfvariants.text.LineCollector;
import dev.pdfvariants.text.PageLines;

/**
 * Extracts every page's text in one pass of PDFBox's text stripper, checking for cancellation
 * between pages. A page whose content cannot be read (a broken content stream, a missing font)
 * yields no text and a warning; the other pages are still extracted, as pdftotext does.
 * <p>
 * The same pass also records every line's layout (font size, weight, position) for the text
 * model, so content variants never extract the text a second time.
 */
final class PageTextExtractor extends GlyphStripper {
    private final Cancellation cancellation;
    private final Consumer<String> warnings;
    private final StringWriter buffer = new StringWriter();
    private final List<String> pages = new ArrayList<>();
    private final List<PageLines> layout = new ArrayList<>();
    /** Null when the lines' layout is not wanted (no variant reads the text model). */
    private final LineCollector lines;
    private final OverprintedGlyphs overprinted = new OverprintedGlyphs();
    /** Mirrors the stripper's private marked-content state: duplicates are kept inside /ActualText. */
    private final Deque<Boolean> markedContent = new ArrayDeque<>();
    private boolean inActualText;

    PageTextExtractor(TextOrder order, Cancellation cancellation, Consumer<String> warnings) {
        this(order, cancellation, warnings, true);
    }

    /** @param layout whether to record the lines' layout too, for {@link #layout()} */
    PageTextExtractor(TextOrder order, Cancellation cancellation, Consumer<String> warnings, boolean layout) {
        this.lines = layout ? new LineCollector() : null;
        this.cancellation = cancellation;
        this.warnings = warnings;
        setSortByPosition(order == TextOrder.POSITION);
        // the same rule, applied by OverprintedGlyphs at a fraction of the cost
        setSuppressDuplicateOverlappingText(false);
        setLineSeparator("\n");
        setPageEnd("");
        setPageStart("");
    }

    /** The text of every page, and the lines of every page in {@link #layout()}. */
    PageTexts extract(PDDocument document) throws IOException {
        writeText(document, buffer);
        int total = Pages.count(document);
        while (pages.size() < total) {
            pages.add(""); // trailing pages without a content stream
        }
        return new PageTexts(pages);
    }

    /** The lines of every page that had text, in page order; valid after {@link #extract}. */
    List<PageLines> layout() {
        return layout;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        cancellation.checkpoint();
        int index = getCurrentPageNo() - 1;
        while (pages.size() < index) {
            pages.add(""); // pages without a content stream are not processed
        }
        buffer.getBuffer().setLength(0);
        if (lines != null) {
            lines.startPage(index + 1);
        }
        overprinted.startPage();
        String text;
        try {
            super.processPage(page);
            text = normalize(buffer.toString());
            if (lines != null) {
                PDRectangle box = pageCropBox();
                boolean sideways = pageRotation() % 180 != 0;
                PageLines pageLines = lines.finishPage(sideways ? box.getHeight() : box.getWidth(),
                        sideways ? box.getWidth() : box.getHeight());
                if (!pageLines.lines().isEmpty()) {
                    layout.add(pageLines);
                }
            }
        } catch (IOException | RuntimeException e) {
            warnings.accept("page " + (index + 1) + ": text not extracted: " + PdfLoader.oneLine(e));
            text = "";
        }
        pages.add(text);
        buffer.getBuffer().setLength(0);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (inActualText || !overprinted.isDuplicate(text)) {
            super.processTextPosition(text);
        }
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        boolean actual = properties != null && properties.getString(COSName.ACTUAL_TEXT) != null;
        markedContent.push(actual);
        inActualText = actual;
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        Boolean actual = markedContent.poll();
        if (actual != null && actual) {
            inActualText = false;
        }
        super.endMarkedContentSequence();
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
        super.writeString(text, textPositions);
        if (lines != null) {
            lines.word(text, textPositions);
        }
    }

    @Override
    protected void writeWordSeparator() throws IOException {
        super.writeWordSeparator();
        if (lines != null) {
            lines.space();
        }
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        super.writeLineSeparator();
        if (lines != null) {
            lines.endLine();
        }
    }


    /** Trailing spaces dropped, line ends kept, one final newline when there is text. */
    static String normalize(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        String result = out.toString().strip();
        return result.isEmpty() ? "" : result + "\n";
    }
}
