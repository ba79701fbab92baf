package dev.pdfvariants.schedule;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;

/**
 * A bounded pool of worker threads with a per-document time limit.
 * <p>
 * {@code workers} permits bound how many documents run at once. When a document exceeds the
 * limit, it is cancelled (its outputs can no longer be committed), its thread is interrupted, its
 * result is recorded as a timeout and its permit is handed to the next document at once, so the
 * batch goes on at full width. A thread stuck in a loop that ignores interruption cannot be killed
 * in-process: it is left behind as a daemon and counted; {@code --isolation process} is the cure
 * for files that do that.
 */
public final class ThreadScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final Semaphore slots;
    private final Duration timeout;
    private final ExecutorService runners;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Object idle = new Object();

    public ThreadScheduler(int workers, Duration timeout) {
        this.slots = new Semaphore(workers);
        this.timeout = timeout;
        this.runners = Executors.newCachedThreadPool(daemonThreads("pdfvariants-worker-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("pdfvariants-watchdog-"));
    }

    @Override
    public void submit(SourceFile document, Job job, Consumer<DocumentResult> onDone) throws InterruptedException {
        slots.acquire();
        outstanding.incrementAndGet();
        Cancellation cancellation = new Cancellation();
        AtomicBoolean reported = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        Future<?> running;
        try {
            running = runners.submit(() -> {
                DocumentResult result;
                try {
                    result = job.run(cancellation);
                } catch (Throwable t) {
                    result = job.crashed(t);
                } finally {
                    finished.set(true);
                }
                if (reported.compareAndSet(false, true)) {
                    ScheduledFuture<?> t = timer.get();
                    if (t != null) {
                        t.cancel(false);
                    }
                    report(result, onDone);
                } else {
                    abandoned.decrementAndGet();
                    LOG.info("{} finished after its timeout; its result was discarded", document.relativePath());
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            done();
            throw e;
        }
        timer.set(watchdog.schedule(() -> {
            if (!finished.get() && reported.compareAndSet(false, true)) {
                cancellation.cancel("timed out after " + timeout.toMillis() + " ms");
                running.cancel(true);
                int stuck = abandoned.incrementAndGet();
                LOG.warn("{} exceeded the {} s timeout; its worker thread was interrupted ({} still running)",
                        document.relativePath(), timeout.toSeconds(), stuck);
                report(job.timedOut(timeout), onDone);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void report(DocumentResult result, Consumer<DocumentResult> onDone) {
        try {
            onDone.accept(result);
        } finally {
            slots.release();
            done();
        }
    }

    private void done() {
        if (outstanding.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    @Override
    public void awaitCompletion() throws InterruptedException {
        synchronized (idle) {
            while (outstanding.get() > 0) {
                idle.wait(1_000);
            }
        }
    }

    /** Threads abandoned after a timeout that are still running. */
    public int abandonedThreads() {
        return Math.max(0, abandoned.get());
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        runners.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
