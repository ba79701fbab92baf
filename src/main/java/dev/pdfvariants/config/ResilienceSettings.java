package dev.pdfvariants.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a batch protects itself and what it already did: retries of transient failures, isolation of
 * hostile documents, resource limits, the output cache, and the clean stop on a signal.
 *
 * @param retry         retries of transient failures (an input that could not be read, a provider error)
 * @param isolation     where documents are processed: worker threads, or worker JVMs
 * @param limits        per-document resource limits
 * @param force         ignore the output cache: redo every document
 * @param shutdownGrace how long running documents may take to finish after SIGINT / SIGTERM
 */
public record ResilienceSettings(Retry retry, Isolation isolation, Limits limits, boolean force,
        Duration shutdownGrace) {

    public ResilienceSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace must not be negative, got " + shutdownGrace);
        }
    }

    /** The command line's defaults. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(Retry.DEFAULT, Isolation.DEFAULT, Limits.NONE, false, Duration.ofSeconds(30));
    }

    public ResilienceSettings withIsolation(Isolation value) {
        return new ResilienceSettings(retry, value, limits, force, shutdownGrace);
    }

    /**
     * Exponential backoff with jitter: attempt {@code n} waits {@code delay * 2^(n-1)}, at most
     * {@code maxDelay}, each delay varied by ±25 % so that workers failing together do not retry
     * together.
     *
     * @param retries  retries after the first attempt (0 = never retry)
     * @param delay    the first delay
     * @param maxDelay the longest delay
     */
    public record Retry(int retries, Duration delay, Duration maxDelay) {
        public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
        public static final double JITTER = 0.25;

        public Retry {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative, got " + retries);
            }
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("retry delay must be positive, got " + delay);
            }
            if (maxDelay.compareTo(delay) < 0) {
                throw new IllegalArgumentException("the longest retry delay (" + Durations.format(maxDelay)
                        + ") is shorter than the first one (" + Durations.format(delay) + ")");
            }
        }
    }

    /** Where documents are processed. */
    public enum IsolationMode {
        /** Worker threads of this JVM: the fast default. */
        THREAD,
        /** A small pool of worker JVMs, each with its own bounded heap: for hostile input. */
        PROCESS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param mode            threads (default) or worker processes
     * @param fallback        retry a document that timed out in a worker thread once more in a worker process
     * @param workerHeap      the maximum heap of a worker process, in bytes
     * @param workerDocuments a worker process is replaced after this many documents
     * @param workerArgs      the {@code run} arguments a worker process is started with, so that it
     *                        reads the same configuration as this run (empty: none known, no worker
     *                        processes possible)
     */
    public record Isolation(IsolationMode mode, boolean fallback, long workerHeap, int workerDocuments,
            List<String> workerArgs) {
        public static final long DEFAULT_WORKER_HEAP = 1L << 30;
        public static final int DEFAULT_WORKER_DOCUMENTS = 100;
        public static final Isolation DEFAULT = new Isolation(IsolationMode.THREAD, true, DEFAULT_WORKER_HEAP,
                DEFAULT_WORKER_DOCUMENTS, List.of());

        public Isolation {
            Objects.requireNonNull(mode, "mode");
            workerArgs = List.copyOf(workerArgs);
            if (workerHeap < (32L << 20)) {
                throw new IllegalArgumentException("a worker heap needs at least 32 MiB, got " + Sizes.human(workerHeap));
            }
            if (workerDocuments < 1) {
                throw new IllegalArgumentException("worker documents must be at least 1, got " + workerDocuments);
            }
        }

        /** Whether worker processes can be started (the run knows the arguments to give them). */
        public boolean processesPossible() {
            return !workerArgs.isEmpty();
        }
    }

    /**
     * Per-document limits; 0 means no limit. A document over one fails as {@code limit-exceeded}.
     *
     * @param maxPages      pages in the page tree
     * @param maxFileSize   bytes of the input file
     * @param maxStreamSize bytes a single Flate-compressed stream inflates to
     */
    public record Limits(long maxPages, long maxFileSize, long maxStreamSize) {
        public static final Limits NONE = new Limits(0, 0, 0);

        public Limits {
            if (maxPages < 0 || maxFileSize < 0 || maxStreamSize < 0) {
                throw new IllegalArgumentException("limits must not be negative");
            }
        }

        public boolean any() {
            return maxPages > 0 || maxFileSize > 0 || maxStreamSize > 0;
        }
    }
}
