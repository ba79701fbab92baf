package dev.pdfvariants.schedule;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>
 * For a clean stop, {@link #stopAccepting()} makes waiting and later submissions return without
 * starting their job, and {@link #abandonRunning} gives up on the jobs still running after the
 * grace period, as a timeout would, but without reporting them.
 */
public final class ThreadScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final Semaphore slots;
    private final Duration timeout;
    private final ExecutorService runners;
    private final ScheduledExecutorService watchdog;
    private final Outstanding outstanding = new Outstanding();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /** A job between its start and its report. */
    private static final class Running {
        final Cancellation cancellation = new Cancellation();
        final AtomicBoolean reported = new AtomicBoolean();
        final AtomicBoolean finished = new AtomicBoolean();
        volatile Future<?> future;
        volatile ScheduledFuture<?> timer;

        void interrupt() {
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    public ThreadScheduler(int workers, Duration timeout) {
        this.slots = new Semaphore(workers);
        this.timeout = timeout;
        this.runners = Executors.newCachedThreadPool(daemonThreads("pdfvariants-worker-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("pdfvariants-watchdog-"));
    }

    @Override
    public void submit(SourceFile document, Job job, Consumer<DocumentResult> onDone) throws InterruptedException {
        while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (!accepting) {
                return;
            }
        }
        if (!accepting) {
            slots.release();
            return;
        }
        outstanding.increment();
        Running entry = new Running();
        running.add(entry);
        try {
            entry.future = runners.submit(() -> {
                DocumentResult result;
                try {
                    result = job.run(entry.cancellation);
                } catch (Throwable t) {
                    result = job.crashed(t);
                } finally {
                    entry.finished.set(true);
                }
                if (entry.reported.compareAndSet(false, true)) {
                    running.remove(entry);
                    ScheduledFuture<?> t = entry.timer;
                    if (t != null) {
                        t.cancel(false);
                    }
                    report(result, onDone);
                } else {
                    abandoned.decrementAndGet();
                    LOG.info("{} finished after it was given up (timeout or shutdown); its result was discarded",
                            document.relativePath());
                }
            });
        } catch (RuntimeException e) {
            running.remove(entry);
            slots.release();
            outstanding.decrement();
            throw e;
        }
        entry.timer = watchdog.schedule(() -> {
            if (!entry.finished.get() && entry.reported.compareAndSet(false, true)) {
                running.remove(entry);
                entry.cancellation.cancel("timed out after " + timeout.toMillis() + " ms");
                entry.interrupt();
                int stuck = abandoned.incrementAndGet();
                LOG.warn("{} exceeded the {} s timeout; its worker thread was interrupted ({} still running)",
                        document.relativePath(), timeout.toSeconds(), stuck);
                report(job.timedOut(timeout), onDone);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean hasIdleWorker() {
        return accepting && slots.availablePermits() > 0;
    }

    @Override
    public void stopAccepting() {
        accepting = false;
    }

    @Override
    public int abandonRunning(String reason) {
        int given = 0;
        for (Running entry : running) {
            if (entry.reported.compareAndSet(false, true)) {
                running.remove(entry);
                entry.cancellation.cancel(reason);
                entry.interrupt();
                ScheduledFuture<?> t = entry.timer;
                if (t != null) {
                    t.cancel(false);
                }
                abandoned.incrementAndGet();
                given++;
                slots.release();
                outstanding.decrement();
            }
        }
        return given;
    }

    private void report(DocumentResult result, Consumer<DocumentResult> onDone) {
        try {
            onDone.accept(result);
        } finally {
            slots.release();
            outstanding.decrement();
        }
    }

    @Override
    public void awaitCompletion() throws InterruptedException {
        outstanding.awaitZero();
    }

    @Override
    public boolean awaitCompletion(Duration limit) throws InterruptedException {
        return outstanding.awaitZero(limit);
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
