package dev.pdfvariants.variant;

/**
 * Thrown by a variant that does not apply to a document (a summary of a scan without a text
 * layer, an outline of a document with neither bookmarks nor headings). The document processor
 * records the variant as skipped with this reason; the document still succeeds.
 */
public final class VariantSkipped extends Exception {
    private static final long serialVersionUID = 1L;

    public VariantSkipped(String reason) {
        super(reason, null, false, false);
    }
}
