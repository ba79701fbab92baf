package dev.pdfvariants.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The live one-line progress bar on a terminal: documents done of the total, percentage, rate,
 * ETA and failures, redrawn in place ({@code \r} and erase-line). Other output goes above it:
 * callers {@link #clear()} it first and {@link #draw()} it again after. Not thread-safe: the
 * {@link ConsoleReporter} serializes calls.
 */
final class ProgressBar {
    private static final String ERASE_LINE = "\r\033[2K";
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final Clock clock;
    private final int columns;
    private Instant started;
    private boolean shown;

    ProgressBar(PrintWriter err, Clock clock, int columns) {
        this.err = err;
        this.clock = clock;
        this.columns = Math.max(40, columns);
    }

    void start() {
        started = clock.instant();
    }

    /** Draws the bar for these counts; {@code total} is negative while unknown. */
    void draw(int done, int failed, long total) {
        if (started == null) {
            return;
        }
        String line = render(done, failed, total, Duration.between(started, clock.instant()));
        err.print(ERASE_LINE + (line.length() > columns - 1 ? line.substring(0, columns - 1) : line));
        err.flush();
        shown = true;
    }

    /** Removes the bar, leaving the cursor at the start of the empty line. */
    void clear() {
        if (shown) {
            err.print(ERASE_LINE);
            err.flush();
            shown = false;
        }
    }

    static String render(int done, int failed, long total, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder("pdfvariants: ");
        if (total >= 0) {
            long shownTotal = Math.max(total, done);
            int filled = shownTotal == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / shownTotal);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
            sb.append(done).append('/').append(shownTotal);
            sb.append(String.format(Locale.ROOT, " %3d%%", shownTotal == 0 ? 100 : 100 * done / shownTotal));
        } else {
            sb.append(done).append(done == 1 ? " document" : " documents");
        }
        sb.append(String.format(Locale.ROOT, "  %.1f/s", rate));
        if (total >= 0 && done > 0 && done < total) {
            sb.append("  ETA ").append(clockTime(Math.round((total - done) / rate)));
        } else if (total < 0 || done == 0) {
            sb.append("  ETA --:--");
        }
        sb.append("  ").append(failed).append(" failed");
        return sb.toString();
    }

    static String clockTime(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
