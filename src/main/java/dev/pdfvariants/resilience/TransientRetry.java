package dev.pdfvariants.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;

/**
 * Retries of transient failures, built once per run from {@link ResilienceSettings.Retry}: one
 * Failsafe retry policy ({@code transientFailureRetry}) with exponential backoff and jitter that
 * handles only results whose failure kind is {@linkplain FailureKind#transientFailure() transient}
 * (the input could not be read, the provider failed). A permanent failure (corrupt, not a PDF,
 * wrong password, over a limit …) is returned at once, and an exception (a bug, an interrupt) is
 * never retried. Every retry is logged with its reason and published as {@code retry.scheduled}.
 * <p>
 * Attempts return results, never throw: the policy judges their {@link Failure}.
 */
public final class TransientRetry {
    private static final Logger LOG = LoggerFactory.getLogger(TransientRetry.class);

    /** One attempt's outcome, with what the retry event needs to say. */
    private record Attempt(String path, String what, Failure failure, Object value) {
    }

    private final RetryPolicy<Attempt> transientFailureRetry;

    public TransientRetry(ResilienceSettings.Retry settings, EventBus bus) {
        RetryPolicyBuilder<Attempt> builder = RetryPolicy.<Attempt>builder()
                .handleResultIf(a -> isTransient(a.failure()))
                .abortOn(Throwable.class)
                .withMaxRetries(settings.retries());
        if (settings.maxDelay().compareTo(settings.delay()) > 0) {
            builder.withBackoff(settings.delay(), settings.maxDelay());
        } else {
            builder.withDelay(settings.delay());
        }
        this.transientFailureRetry = builder
                .withJitter(ResilienceSettings.Retry.JITTER)
                .onRetryScheduled(e -> {
                    Attempt a = e.getLastResult();
                    String reason = a.failure().kind() + ": " + a.failure().message();
                    LOG.warn("retrying {}{} in {} ms (attempt {} failed: {})", a.path(),
                            a.what().equals("document") ? "" : " (" + a.what() + ")", e.getDelay().toMillis(),
                            e.getAttemptCount(), reason);
                    bus.publish(new Event.RetryScheduled(a.path(), a.what(), e.getAttemptCount(), e.getDelay(), reason));
                })
                .build();
    }

    /** Never retries: for tools and tests that process one document directly. */
    public static TransientRetry none(EventBus bus) {
        return new TransientRetry(new ResilienceSettings.Retry(0, Duration.ofMillis(1), Duration.ofMillis(1)), bus);
    }

    /** Runs {@code attempt} (one whole document) until it succeeds, fails for good, or runs out of retries. */
    public DocumentResult document(String path, Supplier<DocumentResult> attempt) {
        return run(path, "document", () -> {
            DocumentResult r = attempt.get();
            return new Attempt(path, "document", r.error(), r);
        });
    }

    /** Runs {@code attempt} (one variant of a document) until it succeeds, fails for good, or runs out of retries. */
    public VariantResult variant(String path, String variant, Supplier<VariantResult> attempt) {
        String what = "variant " + variant;
        return run(path, what, () -> {
            VariantResult r = attempt.get();
            return new Attempt(path, what, r.error(), r);
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T run(String path, String what, Supplier<Attempt> attempt) {
        AtomicReference<Attempt> last = new AtomicReference<>();
        try {
            return (T) Failsafe.with(transientFailureRetry).get(() -> {
                Attempt a = attempt.get();
                last.set(a);
                return a;
            }).value();
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                // interrupted while waiting to retry (timed out, or shutting down): the last outcome stands
                Thread.currentThread().interrupt();
                if (last.get() != null) {
                    return (T) last.get().value();
                }
            }
            throw e;
        }
    }

    /** Whether a failure may go away if the same work is tried again. */
    static boolean isTransient(Failure failure) {
        if (failure == null) {
            return false;
        }
        for (FailureKind kind : FailureKind.values()) {
            if (kind.id().equals(failure.kind())) {
                return kind.transientFailure();
            }
        }
        return false;
    }
}
