package dev.pdfvariants.telemetry;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * Log levels for a run. Called by commands that do work, never on the {@code --help} /
 * {@code --version} path, which must not pay for logging start-up. Library chatter about
 * recoverable oddities in PDFs is silenced unless {@code --verbose}: a batch over thousands of
 * real-world files would otherwise drown the lines that matter.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
        context.getLogger("dev.pdfvariants").setLevel(verbose ? Level.DEBUG : Level.WARN);
        Level libraries = verbose ? Level.WARN : Level.OFF;
        context.getLogger("org.apache.pdfbox").setLevel(libraries);
        context.getLogger("org.apache.fontbox").setLevel(libraries);
    }
}
