package dev.pdfvariants.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.LogFormat;
import dev.pdfvariants.config.TelemetrySettings;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code run} about how it reports: logs, events, metrics and traces. Turned into
 * one {@link TelemetrySettings} record.
 */
final class TelemetryOptions {
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace", "off");

    @Option(names = {"-q", "--quiet"}, description = "Only errors: no progress, no summary, no warnings.")
    boolean quiet;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Level of log lines: error, warn (default), info, debug, trace.")
    String logLevel;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Log lines as text or json (one object a line, with batch, document, variant, trace_id, "
                    + "span_id). Also LOG_FORMAT. Default: ${DEFAULT-VALUE}.")
    LogFormat logFormat;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Append log lines to FILE instead of stderr.")
    Path logFile;

    @Option(names = "--events", paramLabel = "FILE|-",
            description = "Write every event (document.started, document.failed, ...) as NDJSON to FILE, or to stdout "
                    + "with '-'.")
    String events;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Write the metrics in the Prometheus text format to FILE, atomically (for node_exporter's "
                    + "textfile collector).")
    Path metricsFile;

    @Option(names = "--push-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = Converters.DurationConverter.class,
            description = "Push (and write) metrics this often during the batch; 0 = only at the end. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration pushInterval;

    @Mixin
    EndpointOptions endpoints;

    TelemetrySettings toSettings(CommandLine cmd, Io io, boolean json) {
        String level = null;
        if (logLevel != null) {
            level = logLevel.trim().toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw new CommandLine.ParameterException(cmd, "--log-level must be one of error, warn, info, debug, "
                        + "trace, off; got '" + logLevel + "'");
            }
        }
        if (pushInterval.isNegative()) {
            throw new CommandLine.ParameterException(cmd, "--push-interval must not be negative, got " + pushInterval);
        }
        if (TelemetrySettings.STDOUT.equals(events) && json) {
            throw new CommandLine.ParameterException(cmd, "--events - and --json would both write to stdout; "
                    + "send the events to a file (--events FILE) or drop --json");
        }
        if (events != null && events.isBlank()) {
            throw new CommandLine.ParameterException(cmd, "--events needs a file name, or - for stdout");
        }
        Path logs = logFile != null ? io.workingDirectory().resolve(logFile) : null;
        Path metrics = metricsFile != null ? io.workingDirectory().resolve(metricsFile) : null;
        return new TelemetrySettings(new TelemetrySettings.LogSettings(logFormat, level, logs, quiet),
                endpoints.metrics(cmd, io.env(), pushInterval, metrics), endpoints.tracing(cmd, io.env()), events,
                endpoints.environment);
    }
}
