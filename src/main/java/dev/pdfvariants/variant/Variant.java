package dev.pdfvariants.variant;

import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;

/**
 * One kind of derived output. Implementations are small, stateless and thread-safe (one instance
 * serves every worker), and are listed once in {@link VariantRegistry}.
 * <p>
 * A variant reads the shared {@link DocumentContext} (never reloading the PDF, never extracting
 * text the context already has) and writes its files through the {@link OutputSink}, which makes
 * them appear atomically when the variant returns.
 */
public interface Variant {

    /** The name users type in {@code -v}, lowercase. */
    String name();

    VariantKind kind();

    /** One line for the catalog. */
    String description();

    /** The files it writes, relative to the document's directory (patterns like {@code thumbnails/page-N.png}). */
    List<String> outputs();

    /**
     * Bumped whenever the output for the same input and options changes (format or algorithm), so
     * that cached outputs of an older version are regenerated.
     */
    int version();

    /**
     * The settings this variant reads, by option name, with their values: recorded in the
     * catalog and the manifest, and part of the cache key.
     */
    default Map<String, Object> options(VariantSettings settings) {
        return Map.of();
    }

    /**
     * Checks, before any document is processed, that the settings let this variant run (e.g. a
     * password it needs is configured); throws a usage {@code PdfVariantsException} saying what to
     * pass when they do not.
     */
    default void check(VariantSettings settings) {
    }

    /**
     * Whether this variant reads the text model ({@code DocumentContext.textModel()} or
     * {@code outline()}): the text extraction then records every line's layout in the same pass.
     * A variant that reads the model without saying so still gets it, from a second pass.
     */
    default boolean usesTextModel() {
        return false;
    }

    /** Produces the variant's outputs. Failures are reported by throwing. */
    void generate(DocumentContext document, OutputSink out) throws Exception;
}
