package dev.pdfvariants.variant;

import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.ImageExtractor;
import dev.pdfvariants.pdf.Restrictions;

/**
 * {@code images/…}: every embedded image once, JPEG and JPEG 2000 as stored, others as PNG; and
 * {@code images/images.json}, the list with sizes, color spaces, filters and what was not
 * extracted and why. Reads the shared document.
 */
final class ImagesVariant implements Variant {

    @Override
    public String name() {
        return "images";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "embedded images, once each: JPEG/JPEG 2000 as stored, others as PNG; images/images.json lists them";
    }

    @Override
    public List<String> outputs() {
        return List.of("images/page-P-K.*", "images/images.json");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        return Map.of("max-pixels", settings.document().maxPixels());
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        Restrictions.require(document.pdf(), Restrictions.Operation.EXTRACT);
        List<ImageExtractor.Entry> images = ImageExtractor.extract(document.pdf(), document.settings().document().maxPixels(),
                out, document.cancellation());
        long missing = images.stream().filter(i -> i.file() == null).count();
        if (missing > 0) {
            document.warn("images: " + missing + " of " + images.size() + " images not extracted (see images/images.json)");
        }
        out.writeJson("images/images.json", Map.of("images", images));
    }
}
