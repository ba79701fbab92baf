package dev.pdfvariants.config;

/** How progress is shown on stderr. */
public enum ProgressMode {
    /** A live bar on a terminal, periodic plain lines otherwise. */
    AUTO,
    /** A live progress bar (count, rate, ETA, failures), even when stderr does not look like a terminal. */
    BAR,
    /** Periodic plain lines, even on a terminal. */
    PLAIN,
    /** Nothing but warnings, failures and the final summary. */
    NONE
}
