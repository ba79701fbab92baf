package dev.pdfvariants.variant;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.Splitter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import dev.pdfvariants.config.DocumentSettings.Split;
import dev.pdfvariants.config.DocumentSettings.SplitMode;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.document.PdfLoader;
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
        return 2; // 2: pages' contents copied as they are (a page with a damaged stream keeps all its text)
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
                Splitter splitter = new ContentsKeepingSplitter();
                splitter.setStreamCacheCreateFunction(PdfLoader.streamCache());
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

    /**
     * A splitter whose parts keep each page's contents streams as they are (still compressed,
     * shared like the page's resources), where PDFBox's page import decodes them whole into the
     * heap and compresses them again: hundreds of megabytes for a decompression bomb's one page,
     * and a needless inflate and deflate of every page of every document.
     */
    static final class ContentsKeepingSplitter extends Splitter {
        @Override
        protected void processPage(PDPage page) throws IOException {
            COSDictionary dict = page.getCOSObject();
            COSBase contents = dict.getItem(COSName.CONTENTS);
            dict.removeItem(COSName.CONTENTS); // the import copies an empty page instead (the source is a private copy)
            try {
                super.processPage(page);
            } finally {
                if (contents != null) {
                    dict.setItem(COSName.CONTENTS, contents);
                }
            }
            PDDocument part = getDestinationDocument();
            COSDictionary imported = part.getPage(part.getNumberOfPages() - 1).getCOSObject();
            if (contents == null) {
                imported.removeItem(COSName.CONTENTS);
            } else {
                imported.setItem(COSName.CONTENTS, contents);
            }
        }
    }
}
