package dev.pdfvariants.telemetry;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.failsafe.CircuitBreaker;
import dev.pdfvariants.Version;
import dev.pdfvariants.config.TelemetrySettings.TracingSettings;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The OpenTelemetry SDK for one run, built like the SDK's autoconfigure but from our own settings
 * (so the environment is the run's, not the process's). Spans are always created, so that log
 * lines carry real trace ids; they are exported over OTLP (http/protobuf or gRPC) only when
 * tracing is enabled. Exports go through the {@code otlp} circuit breaker with bounded timeouts
 * and no retries, and {@link #close()} flushes within a bound: an unreachable collector costs one
 * warning and at most a few seconds at exit.
 */
final class Tracing implements AutoCloseable {
    static final String INSTRUMENTATION = "dev.pdfvariants";
    private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final Context parent;
    private final Duration flushTimeout;
    private boolean closed;
    private CompletableResultCode shutdown;

    private Tracing(SdkTracerProvider provider, Context parent, Duration flushTimeout) {
        this.provider = provider;
        this.tracer = provider.get(INSTRUMENTATION, Version.version());
        this.parent = parent;
        this.flushTimeout = flushTimeout;
    }

    static Tracing start(TracingSettings settings, String environment, CircuitBreaker<Object> breaker) {
        SpanProcessor processor = settings.enabled()
                ? BatchSpanProcessor.builder(new GuardedSpanExporter(exporter(settings), breaker, settings))
                        .setExporterTimeout(settings.timeout())
                        .setScheduleDelay(Duration.ofSeconds(2))
                        .build()
                : new IdsOnly();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(resource(settings, environment))
                .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                .addSpanProcessor(processor)
                .build();
        return new Tracing(provider, callerContext(settings), settings.timeout().plusSeconds(1));
    }

    Tracer tracer() {
        return tracer;
    }

    /** The context the batch span starts in: the caller's trace from TRACEPARENT, or a new trace. */
    Context parent() {
        return parent;
    }

    /** Starts the final flush without waiting for it, so that other work at exit can overlap it. */
    synchronized void beginClose() {
        if (shutdown == null) {
            shutdown = provider.shutdown();
        }
    }

    /** Ends with a bounded flush of what is still buffered. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        beginClose();
        CompletableResultCode done = shutdown.join(flushTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done.isDone()) {
            LOG.debug("span flush did not finish within {} ms; the rest is dropped", flushTimeout.toMillis());
        }
    }

    private static SpanExporter exporter(TracingSettings settings) {
        Duration connect = settings.timeout().compareTo(Duration.ofSeconds(2)) < 0 ? settings.timeout()
                : Duration.ofSeconds(2);
        Map<String, String> headers = new HashMap<>();
        settings.headers().forEach((k, v) -> headers.put(k, v.reveal()));
        String endpoint = settings.endpoint().toString();
        // no retries: a dead collector must not hold the batch's exit (the SDK retries by default)
        if (settings.protocol().equals(TracingSettings.GRPC)) {
            return OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).setTimeout(settings.timeout())
                    .setConnectTimeout(connect).setRetryPolicy(null).setHeaders(() -> headers).build();
        }
        return OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setTimeout(settings.timeout())
                .setConnectTimeout(connect).setRetryPolicy(null).setHeaders(() -> headers).build();
    }

    static Resource resource(TracingSettings settings, String environment) {
        AttributesBuilder attributes = Attributes.builder();
        settings.resourceAttributes().forEach(attributes::put);
        attributes.put("service.name", settings.serviceName());
        attributes.put("service.version", Version.version());
        if (environment != null) {
            attributes.put("deployment.environment.name", environment);
        }
        attributes.put("host.name", hostName());
        attributes.put("process.pid", ProcessHandle.current().pid());
        attributes.put("process.runtime.version", System.getProperty("java.version"));
        return Resource.getDefault().merge(Resource.create(attributes.build()));
    }

    private static Context callerContext(TracingSettings settings) {
        if (settings.traceparent() == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", settings.traceparent());
        if (settings.tracestate() != null) {
            carrier.put("tracestate", settings.tracestate());
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MapGetter.INSTANCE);
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            LOG.warn("TRACEPARENT is not a valid W3C traceparent ('00-<32 hex>-<16 hex>-<2 hex>'); "
                    + "the batch starts a trace of its own");
        }
        return context;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    /**
     * A processor that keeps nothing. Registered when nothing is exported, because an SDK without
     * any processor hands out all-zero trace ids, and logs would carry useless ones.
     */
    private static final class IdsOnly implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }
}
