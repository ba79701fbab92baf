package dev.pdfvariants.event;

import java.time.Duration;
import java.util.List;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.VariantResult;

/**
 * What happens during a batch, as published on the {@link EventBus}. The {@link #type()} names
 * are a public contract (the NDJSON event stream); add fields, never rename.
 */
public sealed interface Event {

    /** The stable event name, e.g. {@code document.failed}. */
    String type();

    /** The relative path of the document the event is about, or null for batch-level events. */
    default String path() {
        return null;
    }

    record BatchStarted(String batchId, List<String> variants, int workers, String output) implements Event {
        public String type() { return "batch.started"; }
    }

    record DocumentDiscovered(String path, long bytes) implements Event {
        public String type() { return "document.discovered"; }
    }

    record DocumentStarted(String path) implements Event {
        public String type() { return "document.started"; }
    }

    record VariantGenerated(String path, VariantResult result) implements Event {
        public String type() { return "variant.generated"; }
    }

    record DocumentSucceeded(DocumentResult result) implements Event {
        public String type() { return "document.succeeded"; }
        public String path() { return result.path(); }
    }

    /** Nothing to do for this document: every requested output is already up to date. */
    record DocumentSkipped(DocumentResult result) implements Event {
        public String type() { return "document.skipped"; }
        public String path() { return result.path(); }
    }

    record DocumentFailed(DocumentResult result) implements Event {
        public String type() { return "document.failed"; }
        public String path() { return result.path(); }
    }

    /**
     * A transient failure will be retried.
     *
     * @param what    what is retried, e.g. {@code document} or {@code variant summary}
     * @param attempt the attempt that failed (1 = the first try)
     * @param reason  the failure kind and message
     */
    record RetryScheduled(String path, String what, int attempt, Duration delay, String reason) implements Event {
        public String type() { return "retry.scheduled"; }
    }

    /**
     * One request to the language-model provider: one attempt, so a retried request appears once
     * per attempt. Never carries document text.
     *
     * @param variant          the variant that asked
     * @param chunk            the chunk of the document it was about (0-based)
     * @param model            the model asked
     * @param attempt          1 for the first try of this chunk
     * @param outcome          {@code ok}, {@code rate-limited}, {@code server-error}, {@code rejected}, {@code timeout},
     *                         {@code connection-error} or {@code bad-response}
     * @param status           the HTTP status, or 0 when none came back
     * @param promptTokens     tokens of the request as the provider counted them (0 when it did not say)
     * @param completionTokens tokens of the answer
     * @param durationMs       from sending the request to the whole answer
     */
    record ProviderRequest(String path, String variant, int chunk, String model, int attempt, String outcome,
            int status, long promptTokens, long completionTokens, long durationMs) implements Event {
        public String type() { return "provider.request"; }
    }

    record CircuitOpened(String name, String reason) implements Event {
        public String type() { return "circuit.opened"; }
    }

    record CircuitClosed(String name) implements Event {
        public String type() { return "circuit.closed"; }
    }

    record BatchFinished(BatchSummary summary) implements Event {
        public String type() { return "batch.finished"; }
    }
}
