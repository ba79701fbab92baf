package dev.pdfvariants.document;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

import dev.pdfvariants.config.TextOrder;

/**
 * Extracts every page's text in one pass of PDFBox's text stripper, checking for cancellation
 * between pages. A page whose content cannot be read (a broken content stream, a missing font)
 * yields no text and a warning; the other pages are still extracted, as pdftotext does.
 */
final class PageTextExtractor extends PDFTextStripper {
    private final Cancellation cancellation;
    private final Consumer<String> warnings;
    private final StringWriter buffer = new StringWriter();
    private final List<String> pages = new ArrayList<>();

    PageTextExtractor(TextOrder order, Cancellation cancellation, Consumer<String> warnings) {
        this.cancellation = cancellation;
        this.warnings = warnings;
        setSortByPosition(order == TextOrder.POSITION);
        setLineSeparator("\n");
        setPageEnd("");
        setPageStart("");
    }

    PageTexts extract(PDDocument document) throws IOException {
        writeText(document, buffer);
        int total = Pages.count(document);
        while (pages.size() < total) {
            pages.add(""); // trailing pages without a content stream
        }
        return new PageTexts(pages);
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        cancellation.checkpoint();
        int index = getCurrentPageNo() - 1;
        while (pages.size() < index) {
            pages.add(""); // pages without a content stream are not processed
        }
        buffer.getBuffer().setLength(0);
        String text;
        try {
            super.processPage(page);
            text = normalize(buffer.toString());
        } catch (IOException | RuntimeException e) {
            warnings.accept("page " + (index + 1) + ": text not extracted: " + PdfLoader.oneLine(e));
            text = "";
        }
        pages.add(text);
        buffer.getBuffer().setLength(0);
    }


    /** Trailing spaces dropped, line ends kept, one final newline when there is text. */
    private static String normalize(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        String result = out.toString().strip();
        return result.isEmpty() ? "" : result + "\n";
    }
}
