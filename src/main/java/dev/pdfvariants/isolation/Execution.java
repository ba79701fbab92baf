package dev.pdfvariants.isolation;

import java.time.Duration;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.ResilienceSettings.Isolation;
import dev.pdfvariants.config.ResilienceSettings.IsolationMode;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.schedule.DocumentProcessor;
import dev.pdfvariants.schedule.Scheduler;
import dev.pdfvariants.schedule.ThreadScheduler;

/**
 * Where a run's documents are processed, from {@code --isolation}:
 * <ul>
 * <li>{@code thread} (default): {@code --workers} threads of this JVM, each document limited by
 * {@code --timeout}; with the fallback on, a document that timed out gets one more try in a worker
 * process ({@link TimeoutFallback}).</li>
 * <li>{@code process}: the same bounded pool of threads, each handing its document to a worker
 * process of a {@link WorkerPool} and waiting for the result at most {@code --timeout}; a worker
 * that hangs is killed and replaced.</li>
 * </ul>
 */
public final class Execution implements AutoCloseable {
    /** Extra time the thread pool allows a job in process mode, which enforces the limit itself. */
    private static final Duration PROCESS_MARGIN = WorkerPool.START_TIMEOUT.plusSeconds(10);

    private final IsolationMode mode;
    private final Duration timeout;
    private final EventBus bus;
    private final WorkerPool pool;
    private final Scheduler scheduler;

    private Execution(RunOptions options, Io io, EventBus bus) {
        Isolation isolation = options.resilience().isolation();
        this.mode = isolation.mode();
        this.timeout = options.timeout();
        this.bus = bus;
        boolean wantProcesses = mode == IsolationMode.PROCESS || isolation.fallback();
        if (mode == IsolationMode.PROCESS && !isolation.processesPossible()) {
            throw PdfVariantsException.usage("--isolation process needs the run's command line to start its workers",
                    "Run it from the pdfvariants command line.");
        }
        this.pool = wantProcesses && isolation.processesPossible()
                ? new WorkerPool(WorkerLaunch.of(isolation, io.env(), io.workingDirectory()), isolation.workerDocuments())
                : null;
        if (mode == IsolationMode.PROCESS) {
            this.scheduler = new ThreadScheduler(options.workers(), timeout.plus(PROCESS_MARGIN));
        } else if (pool != null) {
            this.scheduler = new TimeoutFallback(new ThreadScheduler(options.workers(), timeout), pool, bus, timeout);
        } else {
            this.scheduler = new ThreadScheduler(options.workers(), timeout);
        }
    }

    public static Execution create(RunOptions options, Io io, EventBus bus) {
        return new Execution(options, io, bus);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The job that processes {@code source}: in this JVM, or in a worker process. */
    public Scheduler.Job job(DocumentProcessor processor, SourceFile source) {
        Scheduler.Job local = processor.job(source);
        if (mode != IsolationMode.PROCESS) {
            return local;
        }
        return new Scheduler.Job() {
            @Override
            public DocumentResult run(Cancellation cancellation) {
                return pool.process(source, timeout, cancellation, bus::publish);
            }

            @Override
            public DocumentResult timedOut(Duration limit) {
                return local.timedOut(timeout);
            }

            @Override
            public DocumentResult crashed(Throwable error) {
                return local.crashed(error);
            }
        };
    }

    /** Stops the threads and every worker process. */
    @Override
    public void close() {
        scheduler.close();
        if (pool != null) {
            pool.close();
        }
    }
}
