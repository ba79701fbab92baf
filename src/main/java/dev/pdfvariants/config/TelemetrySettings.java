package dev.pdfvariants.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a run reports on itself: logs, metrics (pushed to a Pushgateway and/or written to a file),
 * traces (OTLP), and the NDJSON event stream. Built by the CLI from options and environment
 * variables; read by {@code telemetry}, {@code progress} and {@code doctor}.
 *
 * @param logs        log format, level and destination
 * @param metrics     where metrics go
 * @param tracing     whether and where spans are exported
 * @param events      where NDJSON events go: a file, {@code -} for stdout, or null for nowhere
 * @param environment the deployment environment ({@code ENVIRONMENT}: a metric label and a resource attribute), or null
 */
public record TelemetrySettings(LogSettings logs, MetricsSettings metrics, TracingSettings tracing, String events,
        String environment) {
    /** Events go to stdout. */
    public static final String STDOUT = "-";

    public TelemetrySettings {
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(tracing, "tracing");
        environment = environment == null || environment.isBlank() ? null : environment.trim();
    }

    /** Text logs at the default level on stderr, no metrics, no export of spans, no events. */
    public static TelemetrySettings defaults() {
        return new TelemetrySettings(LogSettings.defaults(), MetricsSettings.none(), TracingSettings.disabled(), null, null);
    }

    public TelemetrySettings withEvents(String target) {
        return new TelemetrySettings(logs, metrics, tracing, target, environment);
    }

    public TelemetrySettings withMetrics(MetricsSettings value) {
        return new TelemetrySettings(logs, value, tracing, events, environment);
    }

    public TelemetrySettings withTracing(TracingSettings value) {
        return new TelemetrySettings(logs, metrics, value, events, environment);
    }

    public TelemetrySettings withEnvironment(String value) {
        return new TelemetrySettings(logs, metrics, tracing, events, value);
    }

    /**
     * Logs.
     *
     * @param format text or JSON lines
     * @param level  the level of the tool's own loggers ({@code error}, {@code warn}, {@code info},
     *               {@code debug}, {@code trace}), or null for the default (warn; debug with --verbose)
     * @param file   write log lines to this file (appended) instead of stderr, or null
     * @param quiet  only errors: no progress, no summary, no warnings
     */
    public record LogSettings(LogFormat format, String level, Path file, boolean quiet) {
        public LogSettings {
            Objects.requireNonNull(format, "format");
        }

        public static LogSettings defaults() {
            return new LogSettings(LogFormat.TEXT, null, null, false);
        }
    }

    /**
     * Metrics.
     *
     * @param pushgateway  the Pushgateway's base URL (without credentials), or null for no pushing
     * @param pushInterval push every this often during a batch (zero: only at the end)
     * @param pushTimeout  bound on connecting to and answering of one push
     * @param job          the {@code job} grouping key
     * @param username     basic-auth user name, or null
     * @param password     basic-auth password, or null
     * @param bearerToken  bearer token, or null (never both with basic auth)
     * @param file         write the metrics in the Prometheus text format to this file, atomically, or null
     */
    public record MetricsSettings(URI pushgateway, Duration pushInterval, Duration pushTimeout, String job,
            String username, Secret password, Secret bearerToken, Path file) {
        public static final String DEFAULT_JOB = "pdfvariants";
        public static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofSeconds(30);
        public static final Duration DEFAULT_PUSH_TIMEOUT = Duration.ofSeconds(3);

        public MetricsSettings {
            Objects.requireNonNull(pushInterval, "pushInterval");
            Objects.requireNonNull(pushTimeout, "pushTimeout");
            Objects.requireNonNull(job, "job");
            if (pushInterval.isNegative()) {
                throw new IllegalArgumentException("push interval must not be negative, got " + pushInterval);
            }
            if (pushTimeout.isNegative() || pushTimeout.isZero()) {
                throw new IllegalArgumentException("push timeout must be positive, got " + pushTimeout);
            }
            if (username != null && bearerToken != null) {
                throw new IllegalArgumentException("basic auth and a bearer token are exclusive");
            }
        }

        public static MetricsSettings none() {
            return new MetricsSettings(null, DEFAULT_PUSH_INTERVAL, DEFAULT_PUSH_TIMEOUT, DEFAULT_JOB, null, null, null,
                    null);
        }

        public boolean enabled() {
            return pushgateway != null || file != null;
        }
    }

    /**
     * Traces.
     *
     * @param enabled            export spans (spans are always created, so that logs carry trace ids)
     * @param endpoint           the collector's traces URL (for http/protobuf, with its {@code /v1/traces} path)
     * @param protocol           {@code http/protobuf} or {@code grpc}
     * @param headers            extra request headers (often an API key), or an empty map
     * @param timeout            bound on one export, and on the final flush
     * @param serviceName        {@code service.name}
     * @param resourceAttributes further resource attributes ({@code OTEL_RESOURCE_ATTRIBUTES})
     * @param traceparent        a W3C {@code traceparent} making the batch a child of the caller's trace, or null
     * @param tracestate         its {@code tracestate}, or null
     */
    public record TracingSettings(boolean enabled, URI endpoint, String protocol, Map<String, Secret> headers,
            Duration timeout, String serviceName, Map<String, String> resourceAttributes, String traceparent,
            String tracestate) {
        public static final String HTTP_PROTOBUF = "http/protobuf";
        public static final String GRPC = "grpc";
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
        public static final String DEFAULT_SERVICE_NAME = "pdfvariants";

        public TracingSettings {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(serviceName, "serviceName");
            headers = Map.copyOf(headers);
            resourceAttributes = Map.copyOf(resourceAttributes);
            if (!protocol.equals(HTTP_PROTOBUF) && !protocol.equals(GRPC)) {
                throw new IllegalArgumentException("unknown OTLP protocol " + protocol);
            }
            if (enabled && endpoint == null) {
                throw new IllegalArgumentException("tracing is enabled without an endpoint");
            }
        }

        public static TracingSettings disabled() {
            return new TracingSettings(false, null, HTTP_PROTOBUF, Map.of(), DEFAULT_TIMEOUT, DEFAULT_SERVICE_NAME,
                    Map.of(), null, null);
        }
    }
}
