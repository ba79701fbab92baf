package dev.pdfvariants.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.pdfvariants.config.LogFormat;
import dev.pdfvariants.config.TelemetrySettings.LogSettings;
import dev.pdfvariants.error.PdfVariantsException;

/**
 * Logging for a run: format (text or JSON lines), level, destination (stderr or a file), and the
 * bridge that routes {@code java.util.logging} (the OpenTelemetry SDK's logger) through the same
 * appender. Called by commands that do work, never on the {@code --help} / {@code --version} path,
 * which must not pay for logging start-up.
 * <p>
 * Library chatter about recoverable oddities in PDFs is silenced unless the level is debug: a
 * batch over thousands of real-world files would otherwise drown the lines that matter. The
 * exporters' own failure messages are silenced too: the push and export guards log one warning
 * of their own, with a remedy.
 */
public final class Logging {
    private static final String APPENDER = "pdfvariants";

    /** Something drawn on the console's last line (a progress bar) that log lines must not run into. */
    public interface ConsoleLine {
        /** Called before a log line is written to the console: clear the line. */
        void beforeLog();

        /** Called after: draw it again. */
        void afterLog();
    }

    private static volatile ConsoleLine consoleLine;

    private Logging() {
    }

    /** Registers what occupies the console's last line, or null when nothing does any more. */
    public static void consoleLine(ConsoleLine line) {
        consoleLine = line;
    }

    /** Levels only, to stderr as text: for callers without telemetry settings. */
    public static void configure(boolean verbose) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            setLevels(context, verbose ? Level.DEBUG : Level.WARN);
        }
    }

    /**
     * Configures levels, format and destination; log lines go to {@code err} (the run's stderr)
     * unless {@code settings.file()} is set.
     */
    public static void configure(LogSettings settings, boolean verbose, PrintWriter err) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Level level = level(settings, verbose);
        setLevels(context, level);
        bridgeJavaUtilLogging(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = settings.file() != null
                ? fileAppender(context, settings.file(), settings.format())
                : streamAppender(context, new WriterOutputStream(err), settings.format());
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }

    /** The level of the tool's own loggers: --log-level, else -q (error), else --verbose (debug), else warn. */
    static Level level(LogSettings settings, boolean verbose) {
        if (settings.level() != null) {
            return Level.toLevel(settings.level().toUpperCase(Locale.ROOT), Level.WARN);
        }
        if (settings.quiet()) {
            return Level.ERROR;
        }
        return verbose ? Level.DEBUG : Level.WARN;
    }

    private static void setLevels(LoggerContext context, Level own) {
        boolean debug = own.toInt() <= Level.DEBUG.toInt();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(own.toInt() >= Level.WARN.toInt() ? own : Level.INFO);
        context.getLogger("dev.pdfvariants").setLevel(own);
        Level libraries = debug ? Level.WARN : Level.OFF;
        context.getLogger("org.apache.pdfbox").setLevel(libraries);
        context.getLogger("org.apache.fontbox").setLevel(libraries);
        // the export guards report a dead collector once; the SDK would repeat it per batch of spans
        context.getLogger("io.opentelemetry").setLevel(debug ? Level.INFO : Level.OFF);
    }

    private static synchronized void bridgeJavaUtilLogging(LoggerContext context) {
        if (context.getCopyOfListenerList().stream().noneMatch(LevelChangePropagator.class::isInstance)) {
            LevelChangePropagator propagator = new LevelChangePropagator();
            propagator.setContext(context);
            propagator.setResetJUL(true);
            propagator.start();
            context.addListener(propagator);
            // apply the levels already set to java.util.logging
            context.getLoggerList().stream().filter(l -> l.getLevel() != null)
                    .forEach(l -> propagator.onLevelChange(l, l.getLevel()));
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static Appender<ILoggingEvent> streamAppender(LoggerContext context, OutputStream out, LogFormat format) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setEncoder(encoder(context, format));
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> fileAppender(LoggerContext context, Path file, LogFormat format) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file) && !Files.isWritable(file) || Files.isDirectory(file)) {
                throw new IOException("not a writable file");
            }
        } catch (IOException e) {
            throw PdfVariantsException.usage("cannot write the log file " + file + ": " + e.getMessage(),
                    "Pass a writable path to --log-file.");
        }
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder(context, format));
        appender.setImmediateFlush(true);
        appender.start();
        if (!appender.isStarted()) {
            throw PdfVariantsException.usage("cannot open the log file " + file, "Pass a writable path to --log-file.");
        }
        return appender;
    }

    private static LogLineEncoder encoder(LoggerContext context, LogFormat format) {
        LogLineEncoder encoder = new LogLineEncoder(format);
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /** Bytes from the encoder into the run's stderr writer; each write is whole log lines. */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ConsoleLine line = consoleLine;
            if (line != null) {
                line.beforeLog();
            }
            writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            writer.flush();
            if (line != null) {
                line.afterLog();
            }
        }

        @Override
        public void flush() {
            writer.flush();
        }

        @Override
        public void close() {
            writer.flush();
        }
    }
}
