package dev.pdfvariants.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.ProgressMode;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.event.BatchSummary;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;
import dev.pdfvariants.telemetry.Logging;

/**
 * The human view of a batch on stderr: one line per failed document naming the file and the
 * reason (with the remedy the first time a kind of failure appears), progress, and a final
 * summary. Data never goes here; stdout is for {@code --json}.
 * <p>
 * Progress is a live bar on a terminal ({@code --progress auto} there, or {@code bar}): count,
 * percentage, rate, ETA and failures, redrawn a few times a second; plain periodic lines
 * otherwise ({@code plain}, or {@code auto} in logs and pipes); nothing with {@code none}. With
 * {@code --quiet} only failures are shown.
 */
public final class ConsoleReporter implements EventListener, Logging.ConsoleLine {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final long REDRAW_MILLIS = 250;

    private final PrintWriter err;
    private final ProgressMode mode;
    private final Clock clock;
    private final boolean quiet;
    private final ProgressBar bar;
    private final Set<String> hintsShown = new HashSet<>();
    private ScheduledExecutorService ticker;
    private Runnable startCounting = () -> { };
    private Thread counter;
    private Instant started;
    private Instant lastProgress;
    private int done;
    private int failed;
    private long total = -1;
    private boolean finished;

    public ConsoleReporter(PrintWriter err, ProgressMode mode, Clock clock) {
        this(err, mode, clock, false, 80);
    }

    private ConsoleReporter(PrintWriter err, ProgressMode mode, Clock clock, boolean quiet, int columns) {
        this.err = err;
        this.mode = quiet ? ProgressMode.NONE : mode == ProgressMode.AUTO ? ProgressMode.PLAIN : mode;
        this.clock = clock;
        this.quiet = quiet;
        this.bar = this.mode == ProgressMode.BAR ? new ProgressBar(err, clock, columns) : null;
    }

    /**
     * The reporter for a run: {@code --progress auto} becomes a bar when stderr is a terminal,
     * plain lines otherwise; {@code --quiet} shows failures only.
     */
    public static ConsoleReporter forRun(RunOptions options, Io io, Clock clock) {
        ProgressMode mode = options.progress();
        if (mode == ProgressMode.AUTO) {
            mode = Terminal.stderrIsTerminal(io.env()) ? ProgressMode.BAR : ProgressMode.PLAIN;
        }
        ConsoleReporter reporter = new ConsoleReporter(io.err(), mode, clock, options.telemetry().logs().quiet(),
                columns(io.env().get("COLUMNS")));
        if (reporter.bar != null) {
            reporter.startCounting = () -> reporter.counter = DocumentCounter.start(options, io,
                    io.workingDirectory().resolve(options.output()).toAbsolutePath().normalize(), reporter::total);
        }
        return reporter;
    }

    /** A warning that is not about one document's outcome (a skipped symlink, an unreadable directory). */
    public synchronized void warn(String message) {
        if (quiet) {
            return;
        }
        above(() -> err.println("pdfvariants: warning: " + message));
    }

    @Override
    public synchronized void onEvent(Event event) {
        if (event instanceof Event.BatchStarted) {
            started = clock.instant();
            lastProgress = started;
            if (bar != null) {
                bar.start();
                startCounting.run();
                ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pdfvariants-progress");
                    t.setDaemon(true);
                    return t;
                });
                ticker.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
                Logging.consoleLine(this);
            }
        } else if (event instanceof Event.DocumentFailed e) {
            done++;
            failed++;
            above(() -> reportFailure(e.result()));
            maybeProgress();
        } else if (event instanceof Event.DocumentSucceeded || event instanceof Event.DocumentSkipped) {
            done++;
            maybeProgress();
        } else if (event instanceof Event.BatchFinished e) {
            stopBar();
            if (!quiet) {
                summary(e.summary());
            }
        }
    }

    /** Stops the bar's thread and the counting walk if the batch ends first. */
    @Override
    public synchronized void close() {
        stopBar();
    }

    @Override
    public synchronized void beforeLog() {
        if (bar != null && !finished) {
            bar.clear();
        }
    }

    @Override
    public synchronized void afterLog() {
        redraw();
    }

    private synchronized void total(long n) {
        total = n;
    }

    private synchronized void redraw() {
        if (bar != null && !finished) {
            bar.draw(done, failed, total);
        }
    }

    private void stopBar() {
        if (bar == null || finished) {
            return;
        }
        finished = true;
        Logging.consoleLine(null);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (counter != null) {
            counter.interrupt();
        }
        bar.clear();
    }

    /** Prints above the bar: clear it, print, draw it again. */
    private void above(Runnable print) {
        if (bar != null && !finished) {
            bar.clear();
            print.run();
            err.flush();
            bar.draw(done, failed, total);
        } else {
            print.run();
            err.flush();
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
    }

    private void line(String path, String variant, Failure failure) {
        err.println("pdfvariants: failed: " + path + (variant != null ? " (" + variant + ")" : "") + ": "
                + failure.message() + " [" + failure.kind() + "]");
        if (failure.remedy() != null && hintsShown.add(failure.kind())) {
            err.println("  hint: " + failure.remedy());
        }
    }

    private void maybeProgress() {
        if (mode != ProgressMode.PLAIN || started == null) {
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

    private static int columns(String value) {
        try {
            return value == null ? 80 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
