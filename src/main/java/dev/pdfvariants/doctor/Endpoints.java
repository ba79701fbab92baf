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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TelemetrySettings.MetricsSettings;
import dev.pdfvariants.config.TelemetrySettings.TracingSettings;
import dev.pdfvariants.json.Json;

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

    /**
     * The OpenAI-compatible provider lists its models ({@code GET base/models}) with the configured
     * key, and, when a model is configured, serves it.
     */
    CheckResult provider(URI url, Secret key, String model) {
        String name = "provider";
        if (url == null) {
            return CheckResult.skip(name, "no language-model provider configured (--provider-url); "
                    + "only the translated and expanded variants need one");
        }
        URI models = URI.create(url.toString().replaceAll("/+$", "").replaceAll("/chat/completions$", "") + "/models");
        HttpRequest.Builder request = HttpRequest.newBuilder(models).timeout(timeout).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key.reveal());
        }
        String unreachable = "check --provider-url and the provider's status";
        String denied = "check the API key (--provider-key-file, PDFVARIANTS_PROVIDER_KEY or OPENAI_API_KEY)";
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return CheckResult.fail(name, url + " is not reachable: " + reason(e), unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(name, "interrupted", null);
        }
        int code = response.statusCode();
        if (code == 401 || code == 403) {
            return CheckResult.fail(name, url + " refused the credentials (HTTP " + code + ")", denied);
        }
        if (code / 100 != 2) {
            return CheckResult.fail(name, url + " answered HTTP " + code + " to GET " + models.getPath(), unreachable);
        }
        List<String> served = modelIds(response.body());
        if (model == null) {
            return CheckResult.ok(name, url + " answers (HTTP " + code + ")" + servedText(served)
                    + "; pass --provider-model to check the one the variants use");
        }
        if (served.isEmpty() || served.contains(model)) {
            return CheckResult.ok(name, url + " answers (HTTP " + code + ")"
                    + (served.contains(model) ? " and serves " + model : servedText(served)));
        }
        return CheckResult.fail(name, url + " does not serve the model " + model + servedText(served).replace(
                "; serves", "; it serves"), "fix --provider-model");
    }

    /** The ids of {@code {"data": [{"id": …}, …]}}, empty when the body is something else. */
    static List<String> modelIds(String body) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode data = Json.mapper().readTree(body).path("data");
            for (JsonNode m : data) {
                if (m.path("id").isTextual()) {
                    ids.add(m.path("id").asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a model list: the server answered, which is what is checked
        }
        return ids;
    }

    private static String servedText(List<String> served) {
        if (served.isEmpty()) {
            return "";
        }
        List<String> shown = served.size() > 5 ? served.subList(0, 5) : served;
        return "; serves " + String.join(", ", shown) + (served.size() > 5 ? " and " + (served.size() - 5) + " more" : "");
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
