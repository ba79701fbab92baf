package dev.pdfvariants.variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.DocumentSettings.Watermark;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.PdfSaver;
import dev.pdfvariants.pdf.Restrictions;
import dev.pdfvariants.pdf.Watermarker;

/**
 * {@code watermarked.pdf}: {@code --watermark-text} stamped on every page, at
 * {@code --watermark-angle} and {@code --watermark-opacity}, over or under the content. Works on a
 * private copy.
 */
final class WatermarkedVariant implements Variant {

    @Override
    public String name() {
        return "watermarked";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "a text stamp on every page (--watermark-text, -opacity, -angle, -position)";
    }

    @Override
    public List<String> outputs() {
        return List.of("watermarked.pdf");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        Watermark w = settings.document().watermark();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("text", w.text());
        options.put("opacity", w.opacity());
        options.put("angle", w.angle());
        options.put("position", w.layer().id());
        return options;
    }

    @Override
    public void check(VariantSettings settings) {
        try {
            Watermarker.requireEncodable(settings.document().watermark().text());
        } catch (IllegalArgumentException e) {
            throw PdfVariantsException.usage("--watermark-text: " + e.getMessage(),
                    "Pass a --watermark-text in Latin-1, e.g. --watermark-text CONFIDENTIAL.");
        }
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        try (PDDocument copy = Restrictions.openCopy(document, Restrictions.Operation.MODIFY)) {
            int pages = Watermarker.stamp(copy, document.settings().document().watermark(), document.cancellation());
            PdfSaver.write(copy, out, "watermarked.pdf", pages, null);
        }
    }
}
