package dev.pdfvariants.isolation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.config.Sizes;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;

/**
 * A pool of worker processes, started when first needed and kept for the next document while
 * healthy. A worker is replaced after {@code --worker-documents} documents (so a slow leak in a
 * library cannot grow forever) and whenever a document killed it or was killed in it: the
 * document is then recorded as {@code timeout}, {@code oom} or {@code crashed}, and the next one
 * gets a fresh worker. How many documents run at once is bounded by the caller (the scheduler's
 * workers), so the pool never holds more processes than that.
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final WorkerLaunch launch;
    private final int documentsPerWorker;
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private final Set<WorkerProcess> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    WorkerPool(WorkerLaunch launch, int documentsPerWorker) {
        this.launch = launch;
        this.documentsPerWorker = documentsPerWorker;
    }

    /**
     * Processes one document in a worker process, within {@code timeout} (not counting the start of
     * a new worker). Never throws: every way it can end is a result.
     */
    DocumentResult process(SourceFile source, Duration timeout, Cancellation cancellation, Consumer<Event> events) {
        long start = System.nanoTime();
        WorkerProcess worker;
        try {
            worker = borrow();
        } catch (WorkerProcess.StartFailure e) {
            return failed(source, start, Failure.of(FailureKind.INTERNAL, "could not run it in an isolated worker: "
                    + e.getMessage()));
        }
        WorkerProcess.Outcome outcome = worker.process(source, timeout, cancellation, events);
        if (outcome instanceof WorkerProcess.Outcome.Completed done) {
            giveBack(worker);
            return done.result();
        }
        all.remove(worker);
        if (outcome instanceof WorkerProcess.Outcome.TimedOut) {
            LOG.warn("{} exceeded the {} s timeout; its worker process {} was killed", source.relativePath(),
                    timeout.toSeconds(), worker.pid());
            return failed(source, start, Failure.of(FailureKind.TIMEOUT, "did not finish within the "
                    + timeout.toSeconds() + " s timeout; its isolated worker process was killed"));
        }
        if (outcome instanceof WorkerProcess.Outcome.Cancelled) {
            return failed(source, start, Failure.of(FailureKind.TIMEOUT,
                    cancellation.reason() != null ? cancellation.reason() : "cancelled"));
        }
        WorkerProcess.Outcome.Died died = (WorkerProcess.Outcome.Died) outcome;
        if (died.exitCode() == WorkerLaunch.OUT_OF_MEMORY_EXIT) {
            LOG.warn("{} exhausted the heap of worker process {}; the worker was replaced", source.relativePath(),
                    worker.pid());
            return failed(source, start, Failure.of(FailureKind.OUT_OF_MEMORY, "ran out of memory in an isolated "
                    + "worker process (heap limit " + Sizes.human(launch.heapBytes())
                    + ", --worker-heap); the worker was replaced"));
        }
        LOG.warn("worker process {} died processing {} (exit code {}){}", worker.pid(), source.relativePath(),
                died.exitCode(), died.lastWords());
        return failed(source, start, Failure.of(FailureKind.CRASHED, "its isolated worker process died ("
                + describeExit(died.exitCode()) + ")" + died.lastWords() + "; the worker was replaced"));
    }

    private static String describeExit(int code) {
        if (code > 128 && code < 160) {
            return "killed by signal " + (code - 128) + (code - 128 == 9 ? ", perhaps by the system's out-of-memory killer" : "");
        }
        return code < 0 ? "no exit code" : "exit code " + code;
    }

    private WorkerProcess borrow() throws WorkerProcess.StartFailure {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                WorkerProcess w = idle.pop();
                if (w.alive()) {
                    return w;
                }
                all.remove(w);
            }
        }
        if (closed) {
            throw new WorkerProcess.StartFailure("the run is ending", null);
        }
        WorkerProcess w = WorkerProcess.start(launch, START_TIMEOUT);
        all.add(w);
        if (closed) {
            // closed while starting: nobody would stop it
            all.remove(w);
            w.kill();
            throw new WorkerProcess.StartFailure("the run is ending", null);
        }
        return w;
    }

    private void giveBack(WorkerProcess worker) {
        if (closed || worker.documents() >= documentsPerWorker) {
            all.remove(worker);
            LOG.debug("retiring worker process {} after {} documents", worker.pid(), worker.documents());
            worker.close();
            return;
        }
        synchronized (idle) {
            idle.push(worker);
        }
    }

    private static DocumentResult failed(SourceFile source, long startNanos, Failure failure) {
        return new DocumentResult(source.relativePath(), source.path().toString(), Status.FAILED, -1, null, null,
                (System.nanoTime() - startNanos) / 1_000_000, failure, List.of(), null);
    }

    /** Stops every worker: idle ones are asked to exit, busy ones are killed. Idempotent. */
    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(w -> {
                all.remove(w);
                w.close();
            });
            idle.clear();
        }
        all.forEach(WorkerProcess::kill);
        all.clear();
    }
}
