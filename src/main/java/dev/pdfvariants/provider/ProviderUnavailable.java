package dev.pdfvariants.provider;

/**
 * The provider could not answer: it stayed down or kept failing through the retries, refused the
 * request, or its circuit breaker is open. The variant that asked falls back (skipped, or failed
 * with {@code --provider-required}); the answers it already got are kept for the next run.
 */
public final class ProviderUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    private final int done;
    private final int total;

    ProviderUnavailable(String reason, int done, int total) {
        super(reason, null, false, false);
        this.done = done;
        this.total = total;
    }

    ProviderUnavailable(String reason) {
        this(reason, 0, 0);
    }

    ProviderUnavailable counting(int doneChunks, int totalChunks) {
        return new ProviderUnavailable(getMessage(), doneChunks, totalChunks);
    }

    /** Why, for humans: what failed and how often. */
    public String reason() {
        return getMessage();
    }

    /** Chunks of the document answered (now or by an earlier run) and kept. */
    public int done() {
        return done;
    }

    /** Chunks of the document in all. */
    public int total() {
        return total;
    }
}
