package dev.pdfvariants.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

import dev.pdfvariants.config.Durations;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;
import dev.pdfvariants.schedule.Scheduler;

/**
 * Stops a batch cleanly when it must not go on: on SIGINT / SIGTERM, and when the output location
 * itself can no longer be written (full, read-only, permission taken away). No new document
 * starts; after a signal, running documents have {@code --shutdown-grace} to finish and are then
 * given up (they are not in the manifest, and the next run does them); when the output failed,
 * running documents end on their own. Either way the run then writes its manifest, closes the
 * event bus and exits with 130 (SIGINT), 143 (SIGTERM) or 4 (output). A second signal ends the
 * process at once with the same code; what finished before is safe (outputs and states are
 * written atomically).
 * <p>
 * An event subscriber: it watches for documents that failed because the output cannot be written.
 */
public final class BatchGuard implements EventListener, AutoCloseable {
    private final Scheduler scheduler;
    private final Duration grace;
    private final Consumer<String> notices;
    private ShutdownSignals signals;
    private volatile String reason;
    private volatile ExitCode exitCode;
    private volatile long signalledAt;

    private BatchGuard(Scheduler scheduler, Duration grace, Consumer<String> notices) {
        this.scheduler = scheduler;
        this.grace = grace;
        this.notices = notices;
    }

    /** Guards a batch run by {@code scheduler}: installs the signal handlers until {@link #close()}. */
    public static BatchGuard start(Scheduler scheduler, Duration grace, Consumer<String> notices) {
        BatchGuard guard = new BatchGuard(scheduler, grace, notices);
        guard.signals = ShutdownSignals.install(guard::onSignal);
        return guard;
    }

    /** For worker processes: SIGINT and SIGTERM do nothing; their parent stops them. */
    public static void ignoreSignals() {
        ShutdownSignals.ignore();
    }

    private void onSignal(String name) {
        ExitCode code = name.equals("INT") ? ExitCode.INTERRUPTED : ExitCode.TERMINATED;
        if (signalledAt != 0) {
            notices.accept("SIG" + name + " received again: stopping now");
            Runtime.getRuntime().halt(code.code());
        }
        signalledAt = System.nanoTime();
        if (stop("interrupted by SIG" + name, code)) {
            notices.accept("SIG" + name + " received: starting no new document; running ones have "
                    + Durations.format(grace) + " (--shutdown-grace) to finish, then the "
                    + "manifest is written. Send it again to stop at once.");
        }
    }

    /** Stops the batch for {@code why}; the first reason wins. Returns whether this call stopped it. */
    private synchronized boolean stop(String why, ExitCode code) {
        if (reason != null) {
            return false;
        }
        reason = why;
        exitCode = code;
        scheduler.stopAccepting();
        return true;
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.DocumentFailed e && outputUnusable(e.result().firstFailure())) {
            if (stop("the output location cannot be written (" + e.result().firstFailure().message()
                    + "); free space or fix its permissions and run again: finished documents are kept and skipped",
                    ExitCode.OUTPUT_NOT_WRITABLE)) {
                notices.accept("the output location cannot be written: starting no new document");
            }
        }
    }

    /** An output error that is about the location as a whole, not one file. */
    static boolean outputUnusable(Failure failure) {
        if (failure == null || !FailureKind.OUTPUT_ERROR.id().equals(failure.kind())) {
            return false;
        }
        String message = failure.message().toLowerCase(Locale.ROOT);
        return message.contains("no space left") || message.contains("read-only file system")
                || message.contains("disk quota exceeded") || message.contains("permission denied");
    }

    /** Whether the batch was told to stop. */
    public boolean stopped() {
        return reason != null;
    }

    /** Why the batch stopped, or null. */
    public String reason() {
        return reason;
    }

    /** The exit code for the stop, or {@code otherwise} when the batch was not stopped. */
    public ExitCode exitCode(ExitCode otherwise) {
        return exitCode != null ? exitCode : otherwise;
    }

    /**
     * Waits for every submitted document to report; after a signal, at most the grace period,
     * then gives up on those still running.
     */
    public void awaitCompletion() throws InterruptedException {
        while (!scheduler.awaitCompletion(Duration.ofMillis(200))) {
            long since = signalledAt;
            if (since != 0 && System.nanoTime() - since > grace.toNanos()) {
                int given = scheduler.abandonRunning("stopped by a signal after the shutdown grace");
                if (given > 0) {
                    notices.accept("the shutdown grace is over: gave up on " + given + " running document"
                            + (given == 1 ? "" : "s") + " (not in the manifest; the next run does "
                            + (given == 1 ? "it" : "them") + ")");
                }
            }
        }
    }

    /** Puts the previous signal handlers back. */
    @Override
    public void close() {
        if (signals != null) {
            signals.restore();
            signals = null;
        }
    }
}
