package dev.pdfvariants.variant;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.DocumentSettings;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.BoundedRenderer;
import dev.pdfvariants.pdf.Png;

/**
 * {@code thumbnails/page-N.png}: previews of the pages chosen with {@code --pages} (the first by
 * default) at {@code --dpi}, never larger than {@code --max-pixels}. Reads the shared document.
 */
final class ThumbnailsVariant implements Variant {

    @Override
    public String name() {
        return "thumbnails";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "PNG previews of the first page or --pages, at --dpi, capped at --max-pixels";
    }

    @Override
    public List<String> outputs() {
        return List.of("thumbnails/page-N.png");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        DocumentSettings s = settings.document();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("pages", s.thumbnailPages().spec());
        options.put("dpi", s.dpi());
        options.put("max-pixels", s.maxPixels());
        return options;
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        DocumentSettings s = document.settings().document();
        int pageCount = Pages.count(document.pdf());
        List<String> beyond = s.thumbnailPages().beyond(pageCount);
        if (!beyond.isEmpty()) {
            document.warn("thumbnails: pages " + String.join(",", beyond) + " requested, but the document has "
                    + pageCount);
        }
        BoundedRenderer renderer = new BoundedRenderer(document.pdf(), s.maxPixels(), document.cancellation(),
                w -> document.warn("thumbnails: " + w));
        for (int page : s.thumbnailPages().pages(pageCount)) {
            document.cancellation().checkpoint();
            BufferedImage image;
            try {
                image = renderer.render(page - 1, s.dpi());
            } catch (IndexOutOfBoundsException e) {
                // a looping or lying page tree: the page iterates but cannot be looked up by number
                document.warn("thumbnails: page " + page + " cannot be found by its number in the damaged page tree; skipped");
                continue;
            }
            out.write("thumbnails/page-" + page + ".png", stream -> Png.write(image, stream));
        }
    }
}
