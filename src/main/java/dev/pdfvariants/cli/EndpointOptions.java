package dev.pdfvariants.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.pdfvariants.config.OtelEnvironment;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TelemetrySettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where telemetry goes: the Pushgateway (and its credentials) and the OTLP collector. Shared by
 * {@code run} and {@code doctor}, which checks that these endpoints answer.
 */
final class EndpointOptions {
    @Option(names = "--pushgateway", paramLabel = "URL",
            description = "Push metrics to this Prometheus Pushgateway (e.g. http://pushgateway:9091), during the "
                    + "batch and at its end. Also PUSHGATEWAY_URL.")
    String pushgateway;

    @Option(names = "--push-job", paramLabel = "NAME", defaultValue = TelemetrySettings.MetricsSettings.DEFAULT_JOB,
            description = "The Pushgateway 'job' grouping key; 'instance' is the shard (K-of-N). "
                    + "Default: ${DEFAULT-VALUE}.")
    String pushJob;

    @Option(names = "--push-timeout", paramLabel = "DURATION", defaultValue = "3s",
            converter = Converters.DurationConverter.class,
            description = "Bound on connecting to the Pushgateway, and on its answer. Default: ${DEFAULT-VALUE}.")
    Duration pushTimeout;

    @Option(names = "--pushgateway-user", paramLabel = "NAME",
            description = "Basic-auth user for the Pushgateway; the password comes from --pushgateway-password-file "
                    + "or PDFVARIANTS_PUSHGATEWAY_PASSWORD.")
    String pushUser;

    @Option(names = "--pushgateway-password-file", paramLabel = "FILE",
            description = "File whose first line is the Pushgateway basic-auth password.")
    Path pushPasswordFile;

    @Option(names = "--pushgateway-token-file", paramLabel = "FILE",
            description = "File whose first line is a bearer token for the Pushgateway (or PDFVARIANTS_PUSHGATEWAY_TOKEN).")
    Path pushTokenFile;

    @Option(names = "--tracing",
            description = "Export spans over OTLP (also ENABLE_TRACING=true). Endpoint: --otlp-endpoint, OTLP_ENDPOINT or "
                    + "OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318).")
    boolean tracing;

    @Option(names = "--otlp-endpoint", paramLabel = "URL",
            description = "The OTLP collector's base URL (/v1/traces is added for http/protobuf).")
    String otlpEndpoint;

    @Option(names = "--otlp-protocol", paramLabel = "PROTOCOL",
            description = "http/protobuf (default) or grpc. Also OTEL_EXPORTER_OTLP_PROTOCOL.")
    String otlpProtocol;

    @Option(names = "--environment", paramLabel = "NAME",
            description = "The deployment environment (production, staging …): recorded in the manifest, a metric "
                    + "label and a trace resource attribute. Also read from ENVIRONMENT.")
    String environment;

    /** The metrics settings, with the given interval and file. */
    TelemetrySettings.MetricsSettings metrics(CommandLine cmd, Map<String, String> env, Duration pushInterval,
            Path metricsFile) {
        if (pushTimeout.isNegative() || pushTimeout.isZero()) {
            throw new CommandLine.ParameterException(cmd, "--push-timeout must be positive, got " + pushTimeout);
        }
        URI url = null;
        String user = pushUser;
        Secret password = Secret.resolve(pushPasswordFile, "--pushgateway-password-file", env,
                "PDFVARIANTS_PUSHGATEWAY_PASSWORD");
        if (pushgateway != null && !pushgateway.isBlank()) {
            URI given = pushgatewayUrl(cmd, pushgateway.trim());
            if (given.getUserInfo() != null) {
                String[] parts = given.getUserInfo().split(":", 2);
                user = user != null ? user : parts[0];
                if (password == null && parts.length > 1) {
                    password = Secret.of(parts[1], "the --pushgateway URL");
                }
            }
            url = withoutUserInfo(given);
        }
        Secret token = Secret.resolve(pushTokenFile, "--pushgateway-token-file", env, "PDFVARIANTS_PUSHGATEWAY_TOKEN");
        if (user != null && token != null) {
            throw new CommandLine.ParameterException(cmd,
                    "the Pushgateway takes basic auth (--pushgateway-user) or a bearer token, not both");
        }
        if (user == null && password != null && pushPasswordFile != null) {
            throw new CommandLine.ParameterException(cmd, "--pushgateway-password-file needs --pushgateway-user");
        }
        return new TelemetrySettings.MetricsSettings(url, pushInterval, pushTimeout, pushJob, user,
                user != null ? password : null, token, metricsFile);
    }

    TelemetrySettings.TracingSettings tracing(CommandLine cmd, Map<String, String> env) {
        try {
            return OtelEnvironment.resolve(tracing, otlpEndpoint, otlpProtocol, env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }

    /** Accepts {@code host:port} as well as a URL, as Prometheus tools do. */
    private static URI pushgatewayUrl(CommandLine cmd, String value) {
        String text = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(cmd, "--pushgateway must be an http(s) URL such as "
                    + "http://pushgateway:9091, got '" + withoutUserInfoText(value) + "'");
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutUserInfoText(String value) {
        return value.replaceAll("//[^/@]*@", "//");
    }
}
