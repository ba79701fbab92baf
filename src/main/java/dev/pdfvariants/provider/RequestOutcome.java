package dev.pdfvariants.provider;

/** How one request to the provider ended: the {@code outcome} of its event and metric (a bounded label). */
enum RequestOutcome {
    OK("ok", false),
    /** 429: too many requests. */
    RATE_LIMITED("rate-limited", true),
    /** 5xx. */
    SERVER_ERROR("server-error", true),
    /** 4xx other than 408 and 429: the request itself, the key or the model name is wrong. */
    REJECTED("rejected", false),
    /** No whole answer within the request timeout, or 408. */
    TIMEOUT("timeout", true),
    /** No connection, or the connection was closed or reset. */
    CONNECTION_ERROR("connection-error", true),
    /** A 2xx answer that is not a chat completion. */
    BAD_RESPONSE("bad-response", true);

    private final String id;
    private final boolean retryable;

    RequestOutcome(String id, boolean retryable) {
        this.id = id;
        this.retryable = retryable;
    }

    String id() {
        return id;
    }

    /** Whether the same request may succeed later. */
    boolean retryable() {
        return retryable;
    }
}
