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
 * A small OTLP collector for tests, on a loopback port: over HTTP it accepts
 * {@code POST /v1/traces} with an {@code application/x-protobuf} body; over gRPC it serves the
 * {@code TraceService/Export} call. Requests are decoded with the official
 * {@code opentelemetry-proto} classes, and every span is kept with its resource and the request
 * headers.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final io.grpc.Server grpc;
    private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

    /** An OTLP/HTTP receiver. */
    public OtlpReceiver() throws IOException {
        grpc = null;
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

    private OtlpReceiver(boolean grpcOnly) throws IOException {
        server = null;
        io.grpc.ServerInterceptor captureHeaders = new io.grpc.ServerInterceptor() {
            @Override
            public <Q, A> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, A> call,
                    io.grpc.Metadata metadata, io.grpc.ServerCallHandler<Q, A> next) {
                Map<String, List<String>> map = new java.util.HashMap<>();
                for (String key : metadata.keys()) {
                    if (!key.endsWith("-bin")) {
                        List<String> values = new ArrayList<>();
                        metadata.getAll(io.grpc.Metadata.Key.of(key, io.grpc.Metadata.ASCII_STRING_MARSHALLER))
                                .forEach(values::add);
                        map.put(key, values);
                    }
                }
                headers.add(map);
                return next.startCall(call, metadata);
            }
        };
        io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc.TraceServiceImplBase service =
                new io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(ExportTraceServiceRequest request,
                            io.grpc.stub.StreamObserver<ExportTraceServiceResponse> response) {
                        requests.add(request);
                        response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        response.onCompleted();
                    }
                };
        grpc = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(io.grpc.ServerInterceptors.intercept(service, captureHeaders))
                .build().start();
    }

    /** An OTLP/gRPC receiver (plain text HTTP/2). */
    public static OtlpReceiver grpc() throws IOException {
        return new OtlpReceiver(true);
    }

    /** The base URL, without {@code /v1/traces}. */
    public String url() {
        return "http://127.0.0.1:" + (server != null ? server.getAddress().getPort() : grpc.getPort());
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
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        } else {
            grpc.shutdownNow();
        }
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
