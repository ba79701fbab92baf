package dev.pdfvariants.schedule;

import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * {@code workers} permits bound how many documents run at once. Submitted documents wait in a
 * short queue (one per worker); a worker that finishes a document takes the next one from the
 * queue itself, at once, so workers never wait for the submitting thread to be scheduled (on a
 * machine whose cores are all busy, that wait cost small documents a third of their time).
 * <p>
 * When a document exceeds the limit, it is cancelled (its outputs can no longer be committed), its
 * thread is interrupted, its result is recorded as a timeout and its permit is handed to the next
 * document at once, so the batch goes on at full width. A thread stuck in a loop that ignores
 * interruption cannot be killed in-process: it is left behind as a daemon and counted;
 * {@code --isolation process} is the cure for files that do that.
 * <p>
 * For a clean stop, {@link #stopAccepting()} makes waiting and later submissions return without
 * starting their job, and drops the queued ones (they are never reported), and
 * {@link #abandonRunning} gives up on the jobs still running after the grace period, as a timeout
 * would, but without reporting them.
 */
public final class ThreadScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final Semaphore slots;
    private final Semaphore queueRoom;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Duration timeout;
    private final ExecutorService runners;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Outstanding outstanding = new Outstanding();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /** A submitted job that has not started. */
    private record Pending(SourceFile document, Job job, Consumer<DocumentResult> onDone) {
    }

    /** A job between its start and its report. */
    private static final class Running {
        final Cancellation cancellation = new Cancellation();
        final AtomicBoolean reported = new AtomicBoolean();
        final AtomicBoolean finished = new AtomicBoolean();
        final Thread thread = Thread.currentThread();
        volatile ScheduledFuture<?> timer;
        /** Set once whoever gave the job up has interrupted its thread. */
        volatile boolean interrupted;

        void interrupt() {
            thread.interrupt();
            interrupted = true;
        }
    }

    public ThreadScheduler(int workers, Duration timeout) {
        this.slots = new Semaphore(workers);
        this.queueRoom = new Semaphore(workers);
        this.timeout = timeout;
        this.runners = Executors.newCachedThreadPool(daemonThreads("pdfvariants-worker-"));
        this.watchdog = new ScheduledThreadPoolExecutor(1, daemonThreads("pdfvariants-watchdog-"));
        this.watchdog.setRemoveOnCancelPolicy(true); // a million finished documents leave no timers behind
    }

    @Override
    public void submit(SourceFile document, Job job, Consumer<DocumentResult> onDone) throws InterruptedException {
        while (!queueRoom.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (!accepting) {
                return;
            }
        }
        if (!accepting) {
            queueRoom.release();
            return;
        }
        outstanding.increment();
        Pending pending = new Pending(document, job, onDone);
        queue.add(pending);
        if (!accepting && queue.remove(pending)) { // stopped meanwhile: dropped like the other queued ones
            queueRoom.release();
            outstanding.decrement();
            return;
        }
        dispatch();
    }

    /** Starts queued jobs on new worker threads while permits are free. */
    private void dispatch() {
        while (accepting && !queue.isEmpty() && slots.tryAcquire()) {
            Pending next = queue.poll();
            if (next == null) {
                slots.release();
                continue;
            }
            queueRoom.release();
            try {
                runners.execute(() -> work(next));
            } catch (RuntimeException e) {
                slots.release();
                outstanding.decrement();
                throw e;
            }
        }
    }

    /** A worker thread: runs its job, then the queued ones, while it holds its permit. */
    private void work(Pending first) {
        Pending pending = first;
        while (pending != null) {
            if (!run(pending)) {
                return; // given up on (timeout, shutdown): its permit went with the report
            }
            pending = accepting ? queue.poll() : null;
            if (pending != null) {
                queueRoom.release();
            }
        }
        slots.release();
        dispatch(); // a job queued while this thread was giving up its permit
    }

    /** Runs one job on this thread; returns false when it was given up on while it ran. */
    private boolean run(Pending pending) {
        Running entry = new Running();
        running.add(entry);
        try {
            entry.timer = watchdog.schedule(() -> {
                if (!entry.finished.get() && entry.reported.compareAndSet(false, true)) {
                    running.remove(entry);
                    entry.cancellation.cancel("timed out after " + timeout.toMillis() + " ms");
                    entry.interrupt();
                    int stuck = abandoned.incrementAndGet();
                    LOG.warn("{} exceeded the {} s timeout; its worker thread was interrupted ({} still running)",
                            pending.document().relativePath(), timeout.toSeconds(), stuck);
                    try {
                        report(pending.job().timedOut(timeout), pending.onDone());
                    } finally {
                        slots.release();
                        dispatch();
                    }
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) { // the watchdog is shut down: the scheduler is closing
            running.remove(entry);
            entry.reported.set(true);
            outstanding.decrement();
            slots.release();
            return false;
        }
        DocumentResult result;
        try {
            result = pending.job().run(entry.cancellation);
        } catch (Throwable t) {
            result = pending.job().crashed(t);
        } finally {
            entry.finished.set(true);
        }
        if (!entry.reported.compareAndSet(false, true)) {
            abandoned.decrementAndGet();
            LOG.info("{} finished after it was given up (timeout or shutdown); its result was discarded",
                    pending.document().relativePath());
            while (!entry.interrupted) {
                Thread.onSpinWait(); // the interrupt of whoever gave it up must not reach the next job
            }
            Thread.interrupted(); // this thread goes back to the pool, clean
            return false;
        }
        running.remove(entry);
        entry.timer.cancel(false);
        try {
            report(result, pending.onDone());
        } catch (RuntimeException e) {
            LOG.error("recording the result of {} failed", pending.document().relativePath(), e);
        }
        return true;
    }

    @Override
    public boolean hasIdleWorker() {
        return accepting && slots.availablePermits() > 0;
    }

    @Override
    public void stopAccepting() {
        accepting = false;
        Pending dropped;
        while ((dropped = queue.poll()) != null) {
            queueRoom.release();
            outstanding.decrement();
        }
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
