package dev.pdfvariants.document;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.TextOrder;
import dev.pdfvariants.text.PageLines;

/** For benchmarks of the text model: the lines of a PDF, as the extraction pass captures them. */
public final class LayoutCapture {
    private LayoutCapture() {
    }

    public static List<PageLines> of(PDDocument pdf) throws IOException {
        PageTextExtractor extractor = new PageTextExtractor(TextOrder.STREAM, Cancellation.none(), w -> { }, true);
        extractor.extract(pdf);
        return extractor.layout();
    }
}
