package dev.pdfvariants.provider;

import java.time.Duration;

/**
 * One failed request to the provider: what happened, whether trying again may help, and how long
 * the server asked to wait. Thrown by an attempt, judged by the retry policy and the circuit
 * breaker; its message never carries document text or the key.
 */
final class ProviderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RequestOutcome outcome;
    private final int status;
    private final transient Duration retryAfter;
    private final boolean retryable;
    private final transient Call call;

    ProviderFailure(RequestOutcome outcome, int status, String message, Duration retryAfter, boolean retryable,
            Call call) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
        this.call = call;
    }

    ProviderFailure(RequestOutcome outcome, int status, String message, Duration retryAfter, Call call) {
        this(outcome, status, message, retryAfter, outcome.retryable(), call);
    }

    RequestOutcome outcome() {
        return outcome;
    }

    /** The HTTP status, or 0 when no answer came. */
    int status() {
        return status;
    }

    /** The server's {@code Retry-After}, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    boolean retryable() {
        return retryable;
    }

    Call call() {
        return call;
    }
}
