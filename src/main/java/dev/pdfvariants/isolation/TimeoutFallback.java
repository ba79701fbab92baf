package dev.pdfvariants.isolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.schedule.Outstanding;
import dev.pdfvariants.schedule.Scheduler;

/**
 * Worker threads, with worker processes as the fallback: a document that timed out in a thread
 * (which cannot be killed, and may be stuck in a loop) is given one more try in an isolated
 * worker process, which can. Those second tries run one at a time, beside the threads, so a
 * batch of hostile files cannot multiply the processes. The document's result is the second
 * try's; when it times out there too, it is recorded as a timeout.
 */
final class TimeoutFallback implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TimeoutFallback.class);

    private final Scheduler threads;
    private final WorkerPool pool;
    private final EventBus bus;
    private final Duration timeout;
    private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pdfvariants-isolated-retry");
        t.setDaemon(true);
        return t;
    });
    private final Outstanding pending = new Outstanding();
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    TimeoutFallback(Scheduler threads, WorkerPool pool, EventBus bus, Duration timeout) {
        this.threads = threads;
        this.pool = pool;
        this.bus = bus;
        this.timeout = timeout;
    }

    @Override
    public void submit(SourceFile document, Job job, Consumer<DocumentResult> onDone) throws InterruptedException {
        threads.submit(document, job, result -> {
            if (accepting && timedOut(result)) {
                pending.increment();
                retries.execute(() -> retry(document, result, onDone));
            } else {
                onDone.accept(result);
            }
        });
    }

    private void retry(SourceFile document, DocumentResult inThread, Consumer<DocumentResult> onDone) {
        Cancellation cancellation = new Cancellation();
        running.add(cancellation);
        try {
            if (!accepting) {
                onDone.accept(inThread);
                return;
            }
            LOG.warn("{} timed out in a worker thread; trying it once more in an isolated worker process",
                    document.relativePath());
            DocumentResult isolated = pool.process(document, timeout, cancellation, bus::publish);
            if (cancellation.isCancelled()) {
                return; // given up at shutdown: not reported
            }
            if (isolated.error() != null && FailureKind.INTERNAL.id().equals(isolated.error().kind())) {
                // no worker process could be had: the time-out stands
                onDone.accept(withWarning(inThread, "could not try it again in a worker process: "
                        + isolated.error().message()));
                return;
            }
            onDone.accept(annotate(isolated));
        } finally {
            running.remove(cancellation);
            pending.decrement();
        }
    }

    private DocumentResult annotate(DocumentResult r) {
        DocumentResult noted = withWarning(r, "timed out in a worker thread; processed again in an isolated worker process");
        if (!timedOut(r)) {
            return noted;
        }
        return new DocumentResult(r.path(), r.source(), r.status(), r.bytes(), r.sha256(), r.pages(), r.durationMs(),
                Failure.of(FailureKind.TIMEOUT, "did not finish within the " + timeout.toSeconds()
                        + " s timeout, in a worker thread nor in an isolated worker process"), r.variants(),
                noted.warnings());
    }

    private static DocumentResult withWarning(DocumentResult r, String warning) {
        List<String> warnings = new ArrayList<>(r.warnings() == null ? List.of() : r.warnings());
        warnings.add(warning);
        return new DocumentResult(r.path(), r.source(), r.status(), r.bytes(), r.sha256(), r.pages(), r.durationMs(),
                r.error(), r.variants(), warnings);
    }

    private static boolean timedOut(DocumentResult result) {
        return result.error() != null && FailureKind.TIMEOUT.id().equals(result.error().kind());
    }

    @Override
    public void awaitCompletion() throws InterruptedException {
        threads.awaitCompletion();
        pending.awaitZero();
    }

    @Override
    public boolean awaitCompletion(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        return threads.awaitCompletion(limit)
                && pending.awaitZero(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public boolean hasIdleWorker() {
        return threads.hasIdleWorker();
    }

    @Override
    public void stopAccepting() {
        accepting = false;
        threads.stopAccepting();
    }

    @Override
    public int abandonRunning(String reason) {
        int given = threads.abandonRunning(reason);
        for (Cancellation c : running) {
            if (c.cancel(reason)) {
                given++;
            }
        }
        return given;
    }

    @Override
    public void close() {
        threads.close();
        retries.shutdownNow();
    }
}
