package dev.pdfvariants.schedule;

import java.time.Duration;
import java.util.function.Consumer;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;

/**
 * Runs document jobs. {@link #submit} blocks while every worker is busy, so the producer
 * (discovery) never runs ahead of the workers by more than the pool size: that is the bounded
 * queue between them.
 */
public interface Scheduler extends AutoCloseable {

    /** The work for one document. */
    interface Job {
        /** Processes the document, checking {@code cancellation} between units of work. */
        DocumentResult run(Cancellation cancellation);

        /** The result to record when the job did not finish within the time limit. */
        DocumentResult timedOut(Duration limit);

        /** The result to record when the job threw instead of returning one (a bug or a fatal error). */
        DocumentResult crashed(Throwable error);
    }

    /**
     * Starts the job when a worker is free; {@code onDone} receives its result exactly once, on
     * some thread, also when the job times out or throws.
     */
    void submit(SourceFile document, Job job, Consumer<DocumentResult> onDone) throws InterruptedException;

    /**
     * Whether a worker is free right now, so that a job submitted now would start at once. The
     * batch then hands over the next document without reading further ahead (see
     * {@code LargestFirst}). Schedulers that cannot tell say false.
     */
    default boolean hasIdleWorker() {
        return false;
    }

    /** Waits until every submitted job has reported its result. */
    void awaitCompletion() throws InterruptedException;

    /**
     * Stops starting jobs: a {@link #submit} waiting for a worker returns without running its job
     * (and without reporting a result), and so do later ones. Jobs already running go on.
     */
    default void stopAccepting() {
    }

    /** Waits at most {@code limit} for every submitted job to report; returns whether they all did. */
    default boolean awaitCompletion(Duration limit) throws InterruptedException {
        awaitCompletion();
        return true;
    }

    /**
     * Gives up on the jobs still running: they are cancelled (they can no longer publish outputs)
     * and their results will never be reported. Returns how many there were.
     */
    default int abandonRunning(String reason) {
        return 0;
    }

    @Override
    void close();
}
