package dev.pdfvariants.variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.multipdf.Splitter;
import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.DocumentSettings.Split;
import dev.pdfvariants.config.DocumentSettings.SplitMode;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.PdfSaver;
import dev.pdfvariants.pdf.Restrictions;
import dev.pdfvariants.pdf.SplitPlan;

/**
 * {@code pages/…pdf}: the document cut into one PDF per page, per {@code --split-ranges} range, or
 * per top-level bookmark. Works on a private copy: PDFBox's splitter rewrites link annotations of
 * the pages it copies.
 */
final class SplitVariant implements Variant {

    @Override
    public String name() {
        return "split";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "one PDF per page, per --split-ranges range, or per top-level bookmark (--split-mode)";
    }

    @Override
    public List<String> outputs() {
        return List.of("pages/*.pdf");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        Split split = settings.document().split();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mode", split.mode().id());
        if (split.mode() == SplitMode.RANGES) {
            options.put("ranges", split.ranges().spec());
        }
        return options;
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        try (PDDocument copy = Restrictions.openCopy(document, Restrictions.Operation.ASSEMBLE)) {
            int pageCount = Pages.count(copy);
            List<SplitPlan.Part> parts = SplitPlan.plan(copy, document.settings().document().split(), pageCount,
                    document::warn);
            for (SplitPlan.Part part : parts) {
                document.cancellation().checkpoint();
                Splitter splitter = new Splitter();
                splitter.setStartPage(part.first());
                splitter.setEndPage(part.last());
                splitter.setSplitAtPage(part.pages());
                List<PDDocument> pieces = splitter.split(copy);
                try {
                    PdfSaver.write(pieces.get(0), out, "pages/" + part.name(), part.pages(), null);
                } finally {
                    for (PDDocument piece : pieces) {
                        piece.close();
                    }
                }
            }
        }
    }
}
