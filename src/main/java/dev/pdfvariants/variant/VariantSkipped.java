package dev.pdfvariants.variant;

/**
 * Thrown by a variant that does not apply to a document (a summary of a scan without a text
 * layer, an outline of a document with neither bookmarks nor headings). The document processor
 * records the variant as skipped with this reason; the document still succeeds.
 * <p>
 * Such a skip is cached like an output: the same input and options skip it again. A skip that
 * depends on the moment ({@link #untilNextRun}: the language-model provider is down) is not
 * cached, so the next run tries again.
 */
public final class VariantSkipped extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean lasting;

    public VariantSkipped(String reason) {
        this(reason, true);
    }

    private VariantSkipped(String reason, boolean lasting) {
        super(reason, null, false, false);
        this.lasting = lasting;
    }

    /** A skip for now: the next run tries the variant again (it is not recorded in the cache). */
    public static VariantSkipped untilNextRun(String reason) {
        return new VariantSkipped(reason, false);
    }

    /** Whether the same input and options always skip it (so the skip is cached). */
    public boolean lasting() {
        return lasting;
    }
}
