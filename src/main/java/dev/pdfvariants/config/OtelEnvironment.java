package dev.pdfvariants.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the OpenTelemetry exporter settings the way the OpenTelemetry specification names them,
 * from an environment map (never from the process globals, so tests and embedders pass their own):
 * {@code OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT / _PROTOCOL / _HEADERS / _TIMEOUT},
 * {@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_SDK_DISABLED},
 * {@code OTEL_TRACES_EXPORTER=none}, plus the project's {@code ENABLE_TRACING} and
 * {@code OTLP_ENDPOINT} and the caller's {@code TRACEPARENT} / {@code TRACESTATE}.
 * <p>
 * A bad value fails with an {@link IllegalArgumentException} naming the variable.
 */
public final class OtelEnvironment {
    /** An export, and the final flush, never wait longer than this, whatever the environment asks. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    private OtelEnvironment() {
    }

    /**
     * @param tracingFlag      {@code --tracing} was given
     * @param endpointOption   {@code --otlp-endpoint}, or null
     * @param protocolOption   {@code --otlp-protocol}, or null
     */
    public static TelemetrySettings.TracingSettings resolve(boolean tracingFlag, String endpointOption,
            String protocolOption, Map<String, String> env) {
        boolean fromEnvironment = truthy(env, "ENABLE_TRACING");
        boolean enabled = tracingFlag || fromEnvironment;
        if (truthy(env, "OTEL_SDK_DISABLED") || "none".equalsIgnoreCase(value(env, "OTEL_TRACES_EXPORTER"))) {
            enabled = false;
        }
        String protocol = first(protocolOption, value(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"),
                value(env, "OTEL_EXPORTER_OTLP_PROTOCOL"), TelemetrySettings.TracingSettings.HTTP_PROTOBUF)
                .toLowerCase(Locale.ROOT);
        if (protocol.equals("http")) {
            protocol = TelemetrySettings.TracingSettings.HTTP_PROTOBUF;
        }
        if (!protocol.equals(TelemetrySettings.TracingSettings.HTTP_PROTOBUF)
                && !protocol.equals(TelemetrySettings.TracingSettings.GRPC)) {
            throw new IllegalArgumentException("OTLP protocol '" + protocol
                    + "' is not supported: use http/protobuf or grpc (--otlp-protocol, OTEL_EXPORTER_OTLP_PROTOCOL)");
        }
        boolean http = protocol.equals(TelemetrySettings.TracingSettings.HTTP_PROTOBUF);
        URI endpoint;
        String signalEndpoint = value(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        if (endpointOption != null) {
            endpoint = tracesUrl(parse(endpointOption, "--otlp-endpoint"), http);
        } else if (signalEndpoint != null) {
            endpoint = parse(signalEndpoint, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        } else {
            String name = value(env, "OTLP_ENDPOINT") != null ? "OTLP_ENDPOINT" : "OTEL_EXPORTER_OTLP_ENDPOINT";
            String base = value(env, name);
            endpoint = base != null ? tracesUrl(parse(base, name), http)
                    : tracesUrl(URI.create(http ? "http://localhost:4318" : "http://localhost:4317"), http);
        }
        Map<String, Secret> headers = new LinkedHashMap<>();
        String headersVariable = value(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS") != null
                ? "OTEL_EXPORTER_OTLP_TRACES_HEADERS" : "OTEL_EXPORTER_OTLP_HEADERS";
        keyValues(value(env, headersVariable), headersVariable)
                .forEach((k, v) -> headers.put(k, Secret.of(v, "environment variable " + headersVariable)));
        Duration timeout = TelemetrySettings.TracingSettings.DEFAULT_TIMEOUT;
        for (String name : new String[] {"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"}) {
            String ms = value(env, name);
            if (ms != null) {
                try {
                    timeout = Duration.ofMillis(Long.parseLong(ms));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a number of milliseconds, got '" + ms + "'");
                }
                break;
            }
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            timeout = MAX_TIMEOUT;
        }
        Map<String, String> attributes = keyValues(value(env, "OTEL_RESOURCE_ATTRIBUTES"), "OTEL_RESOURCE_ATTRIBUTES");
        String serviceName = first(value(env, "OTEL_SERVICE_NAME"), attributes.get("service.name"),
                TelemetrySettings.TracingSettings.DEFAULT_SERVICE_NAME, null);
        return new TelemetrySettings.TracingSettings(enabled, endpoint, protocol, headers, timeout, serviceName,
                attributes, value(env, "TRACEPARENT"), value(env, "TRACESTATE"));
    }

    /** For http/protobuf a base URL gets the traces path appended, as the specification says; gRPC URLs stay as they are. */
    static URI tracesUrl(URI base, boolean http) {
        if (!http) {
            return base;
        }
        String s = base.toString();
        if (s.endsWith("/v1/traces")) {
            return base;
        }
        return URI.create(s.endsWith("/") ? s + "v1/traces" : s + "/v1/traces");
    }

    private static URI parse(String value, String name) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an http:// or https:// URL, got '" + value + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: '" + value + "'");
        }
    }

    /** Parses the W3C-baggage-like {@code key=value,key2=value2} lists of OTEL_* variables; values are percent-decoded. */
    static Map<String, String> keyValues(String text, String name) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text == null) {
            return result;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                // never echo the value: headers carry API keys
                throw new IllegalArgumentException(name + " must be a comma-separated list of key=value pairs");
            }
            String key = pair.substring(0, eq).trim();
            String value = URLDecoder.decode(pair.substring(eq + 1).trim().replace("+", "%2B"), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }

    private static boolean truthy(Map<String, String> env, String name) {
        String v = value(env, name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        };
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String first(String a, String b, String c, String d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
