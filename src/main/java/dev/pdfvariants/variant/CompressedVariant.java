package dev.pdfvariants.variant;

import java.nio.file.Files;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.config.Sizes;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.Compressor;
import dev.pdfvariants.pdf.PdfSaver;
import dev.pdfvariants.pdf.Restrictions;

/**
 * {@code compressed.pdf}: the same pages and text, smaller: streams re-encoded with Flate at the
 * highest level where that is smaller, objects packed into object streams, unreferenced objects
 * dropped. Never larger than the input: when rewriting does not make it smaller, the original
 * bytes are kept and the manifest's warnings say so. Works on a private copy.
 */
final class CompressedVariant implements Variant {
    private static final Logger LOG = LoggerFactory.getLogger(CompressedVariant.class);

    @Override
    public String name() {
        return "compressed";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "lossless: object streams, streams recompressed, unused objects dropped; never larger than the input";
    }

    @Override
    public List<String> outputs() {
        return List.of("compressed.pdf");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        try (PDDocument copy = Restrictions.openCopy(document, Restrictions.Operation.MODIFY)) {
            int pages = Pages.count(copy);
            Compressor.Result result = Compressor.recompress(copy, document.cancellation());
            LOG.debug("recompressed {} of {} streams", result.recompressed(), result.streams());
            try (PdfSaver.Saved saved = PdfSaver.save(copy, out, pages, null)) {
                long size = saved.size();
                if (size < document.bytes()) {
                    saved.stage(out, "compressed.pdf");
                    return;
                }
                document.warn("compressed: rewriting gave " + Sizes.human(size) + ", not smaller than the input's "
                        + Sizes.human(document.bytes()) + "; compressed.pdf keeps the original bytes");
                out.write("compressed.pdf", stream -> Files.copy(document.source().path(), stream));
            }
        }
    }
}
