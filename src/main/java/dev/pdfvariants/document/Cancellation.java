package dev.pdfvariants.document;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A document's cancellation flag, set when it times out or the batch shuts down. Long-running
 * code calls {@link #checkpoint()} between units of work (pages, images); output commits check it
 * too, so a worker that outlives its timeout can never publish an output afterwards.
 */
public final class Cancellation {
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Never cancelled: for tools and tests that run one document directly. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Cancels with a reason; the first reason wins. Returns true if this call cancelled it. */
    public boolean cancel(String why) {
        return reason.compareAndSet(null, why);
    }

    public boolean isCancelled() {
        return reason.get() != null;
    }

    public String reason() {
        return reason.get();
    }

    /** Throws {@link CancellationException} when cancelled. */
    public void checkpoint() {
        String why = reason.get();
        if (why != null) {
            throw new CancellationException(why);
        }
    }
}
