package dev.pdfvariants.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.pdfvariants.config.ProgressMode;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.event.BatchSummary;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;

/**
 * The human view of a batch on stderr: one line per failed document naming the file and the
 * reason (with the remedy the first time a kind of failure appears), periodic progress lines,
 * and a final summary. Data never goes here; stdout is for {@code --json}.
 */
public final class ConsoleReporter implements EventListener {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final PrintWriter err;
    private final ProgressMode mode;
    private final Clock clock;
    private final Set<String> hintsShown = new HashSet<>();
    private Instant started;
    private Instant lastProgress;
    private int done;
    private int failed;

    public ConsoleReporter(PrintWriter err, ProgressMode mode, Clock clock) {
        this.err = err;
        this.mode = mode;
        this.clock = clock;
    }

    /** A warning that is not about one document's outcome (a skipped symlink, an unreadable directory). */
    public synchronized void warn(String message) {
        err.println("pdfvariants: warning: " + message);
        err.flush();
    }

    @Override
    public synchronized void onEvent(Event event) {
        if (event instanceof Event.BatchStarted) {
            started = clock.instant();
            lastProgress = started;
        } else if (event instanceof Event.DocumentFailed e) {
            done++;
            failed++;
            reportFailure(e.result());
            maybeProgress();
        } else if (event instanceof Event.DocumentSucceeded || event instanceof Event.DocumentSkipped) {
            done++;
            maybeProgress();
        } else if (event instanceof Event.BatchFinished e) {
            summary(e.summary());
        }
    }

    private void reportFailure(DocumentResult result) {
        if (result.error() != null) {
            line(result.path(), null, result.error());
        }
        for (VariantResult v : result.variants()) {
            if (v.status() == Status.FAILED && v.error() != null) {
                line(result.path(), v.name(), v.error());
            }
        }
        err.flush();
    }

    private void line(String path, String variant, Failure failure) {
        err.println("pdfvariants: failed: " + path + (variant != null ? " (" + variant + ")" : "") + ": "
                + failure.message() + " [" + failure.kind() + "]");
        if (failure.remedy() != null && hintsShown.add(failure.kind())) {
            err.println("  hint: " + failure.remedy());
        }
    }

    private void maybeProgress() {
        if (mode == ProgressMode.NONE || started == null) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) < 0) {
            return;
        }
        lastProgress = now;
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        err.printf(Locale.ROOT, "pdfvariants: %d documents done (%d failed), %.1f documents/s%n", done, failed,
                done / seconds);
        err.flush();
    }

    private void summary(BatchSummary s) {
        StringBuilder line = new StringBuilder("pdfvariants: ");
        line.append(s.discovered()).append(s.discovered() == 1 ? " document" : " documents")
                .append(String.format(Locale.ROOT, " in %.1f s: ", s.durationMs() / 1000.0))
                .append(s.succeeded()).append(" succeeded, ")
                .append(s.failed()).append(" failed, ")
                .append(s.skipped()).append(" skipped");
        err.println(line);
        if (s.stopReason() != null) {
            err.println("pdfvariants: stopped early: " + s.stopReason());
        }
        err.println("pdfvariants: manifest: " + (s.manifest() != null ? s.manifest() : s.output() + "/_run/manifest.json"));
        err.flush();
    }
}
