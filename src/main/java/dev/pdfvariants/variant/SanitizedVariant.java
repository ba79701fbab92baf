package dev.pdfvariants.variant;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.ActiveContent;
import dev.pdfvariants.pdf.PdfSaver;
import dev.pdfvariants.pdf.Restrictions;

/**
 * {@code sanitized.pdf}: the document without JavaScript, actions (open, page, annotation, form,
 * launch, URI …; plain go-to-page links stay), embedded files, XFA, XMP and info metadata; and
 * {@code sanitized.json}, what was removed, by kind. The written file is scanned again, and the
 * variant fails rather than publish one that still has any of it. Works on a private copy.
 */
final class SanitizedVariant implements Variant {

    @Override
    public String name() {
        return "sanitized";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "JavaScript, actions, embedded files, XFA, XMP and info metadata removed; sanitized.json says what";
    }

    @Override
    public List<String> outputs() {
        return List.of("sanitized.pdf", "sanitized.json");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        try (PDDocument copy = Restrictions.openCopy(document, Restrictions.Operation.MODIFY)) {
            int pages = Pages.count(copy);
            Map<String, Integer> removed = ActiveContent.remove(copy, document.cancellation());
            try (PdfSaver.Saved saved = PdfSaver.save(copy, out, pages, null)) {
                verify(saved, document);
                saved.stage(out, "sanitized.pdf");
            }
            out.writeJson("sanitized.json", new Report(removed, removed.values().stream().mapToInt(Integer::intValue).sum()));
        }
    }

    /** The file as written must contain none of what was removed. */
    private static void verify(PdfSaver.Saved saved, DocumentContext document) throws Exception {
        try (PDDocument written = Loader.loadPDF(saved.file().toFile(), "", PdfLoader.streamCache())) {
            Map<String, Integer> left = ActiveContent.scan(written, document.cancellation());
            if (!left.isEmpty()) {
                throw new DocumentFailure(FailureKind.PROCESSING_ERROR,
                        "sanitizing left " + String.join(", ", left.keySet()) + " in the output; nothing was written");
            }
        }
    }

    /** {@code sanitized.json}. */
    record Report(Map<String, Integer> removed, int total) {
    }
}
