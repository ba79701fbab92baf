package dev.pdfvariants.doctor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TelemetrySettings.MetricsSettings;
import dev.pdfvariants.config.TelemetrySettings.TracingSettings;

/** Checks of the network endpoints a run talks to, each bounded by the timeout. */
final class Endpoints {
    private final Duration timeout;
    private final HttpClient http;

    Endpoints(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The Pushgateway answers {@code /-/ready}, with the run's credentials. */
    CheckResult pushgateway(MetricsSettings metrics) {
        String name = "pushgateway";
        if (metrics.pushgateway() == null) {
            return CheckResult.skip(name, "no Pushgateway configured (--pushgateway, PUSHGATEWAY_URL)");
        }
        URI ready = URI.create(metrics.pushgateway().toString().replaceAll("/+$", "") + "/-/ready");
        HttpRequest.Builder request = HttpRequest.newBuilder(ready).timeout(timeout).GET();
        if (metrics.username() != null) {
            String pair = metrics.username() + ":" + (metrics.password() != null ? metrics.password().reveal() : "");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (metrics.bearerToken() != null) {
            request.header("Authorization", "Bearer " + metrics.bearerToken().reveal());
        }
        return answer(name, metrics.pushgateway(), request.build(),
                "start it, or fix --pushgateway / PUSHGATEWAY_URL",
                "check --pushgateway-user and its password, or --pushgateway-token-file");
    }

    /** The collector accepts an empty export (http/protobuf), or a TCP connection (gRPC). */
    CheckResult otlp(TracingSettings tracing) {
        String name = "otlp";
        if (!tracing.enabled()) {
            return CheckResult.skip(name, "tracing is off (--tracing or ENABLE_TRACING=true to export spans)");
        }
        URI endpoint = tracing.endpoint();
        String remedy = "start the collector, or fix OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT";
        if (tracing.protocol().equals(TracingSettings.GRPC)) {
            int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), port), (int) timeout.toMillis());
                return CheckResult.ok(name, endpoint + " (grpc) accepts connections");
            } catch (IOException e) {
                return CheckResult.fail(name, endpoint + " (grpc) is not reachable: " + reason(e), remedy);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.noBody());
        tracing.headers().forEach((k, v) -> request.header(k, v.reveal()));
        return answer(name, endpoint, request.build(), remedy, "check the OTEL_EXPORTER_OTLP_HEADERS credentials");
    }

    /** The OpenAI-compatible provider lists its models with the configured key. */
    CheckResult provider(URI url, Secret token) {
        String name = "provider";
        if (url == null) {
            return CheckResult.skip(name, "no language-model provider configured (--provider-url); "
                    + "only the translated and expanded variants need one");
        }
        URI models = URI.create(url.toString().replaceAll("/+$", "") + "/models");
        HttpRequest.Builder request = HttpRequest.newBuilder(models).timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        return answer(name, url, request.build(), "check --provider-url and the provider's status",
                "check the API key (PDFVARIANTS_PROVIDER_TOKEN)");
    }

    private CheckResult answer(String name, URI shown, HttpRequest request, String unreachable, String denied) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            if (code / 100 == 2) {
                return CheckResult.ok(name, shown + " answers (HTTP " + code + ")");
            }
            if (code == 401 || code == 403) {
                return CheckResult.fail(name, shown + " refused the credentials (HTTP " + code + ")", denied);
            }
            return CheckResult.fail(name, shown + " answered HTTP " + code + " to " + request.method() + " "
                    + request.uri().getPath(), unreachable);
        } catch (IOException e) {
            return CheckResult.fail(name, shown + " is not reachable: " + reason(e), unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(name, "interrupted", null);
        }
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof java.net.SocketTimeoutException) {
            return "no connection within " + timeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
