package dev.pdfvariants.config;

/** How progress is shown on stderr. */
public enum ProgressMode {
    /** A live bar on a terminal, periodic plain lines otherwise. */
    AUTO,
    /** Periodic plain lines, even on a terminal. */
    PLAIN,
    /** Nothing but warnings, failures and the final summary. */
    NONE
}
