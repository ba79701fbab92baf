package dev.pdfvariants.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A small OTLP/HTTP collector for tests: accepts {@code POST /v1/traces} with an
 * {@code application/x-protobuf} body, decodes it with the official {@code opentelemetry-proto}
 * classes, and keeps every span with its resource and the request headers.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] bytes = body.readAllBytes();
                requests.add(ExportTraceServiceRequest.parseFrom(bytes));
                headers.add(Map.copyOf(exchange.getRequestHeaders()));
                byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
                if (response.length > 0) {
                    exchange.getResponseBody().write(response);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL, without {@code /v1/traces}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ExportTraceServiceRequest> requests() {
        return List.copyOf(requests);
    }

    public List<Map<String, List<String>>> headers() {
        return List.copyOf(headers);
    }

    /** Every span received, with its resource's attributes. */
    public List<Received> spans() {
        List<Received> result = new ArrayList<>();
        for (ExportTraceServiceRequest request : requests) {
            for (ResourceSpans rs : request.getResourceSpansList()) {
                Map<String, String> resource = attributes(rs.getResource().getAttributesList());
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span span : ss.getSpansList()) {
                        result.add(new Received(span, resource));
                    }
                }
            }
        }
        return result;
    }

    public Optional<Received> span(String name, String attribute, String value) {
        return spans().stream().filter(s -> s.name().equals(name) && value.equals(s.attributes().get(attribute)))
                .findFirst();
    }

    public List<Received> named(String name) {
        return spans().stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
    }

    public List<Received> childrenOf(Received parent) {
        return spans().stream().filter(s -> s.parentSpanId().equals(parent.spanId())).collect(Collectors.toList());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Attribute values as strings (arrays joined with commas). */
    public static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (KeyValue kv : list) {
            map.put(kv.getKey(), text(kv.getValue()));
        }
        return map;
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpReceiver::text)
                    .collect(Collectors.joining(","));
            default -> v.toString();
        };
    }

    /** One received span. */
    public record Received(Span span, Map<String, String> resource) {
        public String name() {
            return span.getName();
        }

        public String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        public String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        public String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        public Map<String, String> attributes() {
            return OtlpReceiver.attributes(span.getAttributesList());
        }

        public boolean isError() {
            return span.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR;
        }
    }
}
