package dev.pdfvariants.telemetry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.config.TelemetrySettings;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.event.BatchSummary;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.event.EventListener;
import dev.pdfvariants.event.NdjsonSink;
import dev.pdfvariants.resilience.EndpointBreakers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Everything a batch reports besides its outputs, set up in one place and closed by one
 * idempotent {@link #close()}, after the style of OpenTelemetry's autoconfigure: what is created
 * is tracked, and a failure half-way closes what was already built.
 * <ul>
 * <li>the {@code batch} span (a child of the caller's trace when {@code TRACEPARENT} is set), and
 *     the {@link Instrumentation} that opens the document spans under it;</li>
 * <li>the metrics (an event subscriber) and their publication to the Pushgateway / metrics file;</li>
 * <li>the NDJSON event stream ({@code --events});</li>
 * <li>retries and circuit changes as events on the current span.</li>
 * </ul>
 * {@link #close()} does the final push and the bounded span flush; a dead Pushgateway or
 * collector costs a warning and a few seconds at most, never the batch.
 */
public final class Telemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Tracing tracing;
    private Span batchSpan;
    private Scope batchScope;
    private Instrumentation.LogContext batchLogs;
    private Instrumentation instrumentation = Instrumentation.NONE;
    private BatchMetrics metrics;
    private EndpointBreakers breakers;
    private boolean closed;

    private Telemetry() {
    }

    /**
     * Sets up the telemetry of one batch and subscribes its listeners to {@code bus}. Must be
     * closed on the thread that started it (the batch span is current there).
     */
    public static Telemetry start(RunOptions options, Io io, Clock clock, String batchId, EventBus bus) {
        Telemetry telemetry = new Telemetry();
        try {
            telemetry.setUp(options, io, clock, batchId, bus);
            return telemetry;
        } catch (RuntimeException | Error e) {
            telemetry.close();
            throw e;
        }
    }

    private void setUp(RunOptions options, Io io, Clock clock, String batchId, EventBus bus) {
        TelemetrySettings settings = options.telemetry();
        Redaction.register(options.password());
        Redaction.register(settings.metrics().password());
        Redaction.register(settings.metrics().bearerToken());
        settings.tracing().headers().values().forEach(Redaction::register);

        breakers = new EndpointBreakers(bus);
        tracing = Tracing.start(settings.tracing(), settings.environment(),
                settings.tracing().enabled() ? breakers.forQuietEndpoint("otlp") : null);
        resources.add(tracing);
        batchSpan = tracing.tracer().spanBuilder("batch").setParent(tracing.parent())
                .setAttribute("batch.id", batchId)
                .setAttribute("batch.shard", options.shard().label())
                .setAttribute("batch.workers", (long) options.workers())
                .startSpan();
        Context batchContext = tracing.parent().with(batchSpan);
        batchScope = batchContext.makeCurrent();
        batchLogs = Instrumentation.LogContext.enter(batchId, batchSpan);
        instrumentation = new Instrumentation(tracing.tracer(), batchContext, batchId);
        bus.subscribe(new SpanEvents(batchSpan));

        if (settings.metrics().enabled()) {
            metrics = new BatchMetrics(settings.environment(), breakers::states, clock);
            bus.subscribe(metrics);
            resources.add(new MetricsPublisher(settings.metrics(), metrics, options.shard().label(),
                    settings.metrics().pushgateway() != null ? breakers.forQuietEndpoint("pushgateway") : null, batchId));
        }

        if (settings.events() != null) {
            bus.subscribe(events(settings.events(), options, io, clock));
        }
    }

    private static NdjsonSink events(String target, RunOptions options, Io io, Clock clock) {
        if (TelemetrySettings.STDOUT.equals(target)) {
            return NdjsonSink.toStream(io.out(), options.shard().label(), clock);
        }
        Path file = io.workingDirectory().resolve(target);
        try {
            return NdjsonSink.toFile(file, options.shard().label(), clock);
        } catch (IOException e) {
            throw PdfVariantsException.outputNotWritable("cannot write the events file " + file + ": " + oneLine(e),
                    "Pass a writable path to --events, or - for stdout.", e);
        }
    }

    /** The run's circuit breakers (one per endpoint), whose states the metrics report. */
    public EndpointBreakers breakers() {
        return breakers;
    }

    /** The spans of the batch's documents, for the document processor. */
    public Instrumentation instrumentation() {
        return instrumentation;
    }

    /** Ends the batch span, publishes the final metrics and flushes spans, each within its bound. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (batchSpan != null) {
            batchSpan.end();
        }
        if (batchLogs != null) {
            batchLogs.close();
        }
        if (batchScope != null) {
            batchScope.close();
        }
        if (tracing != null) {
            tracing.beginClose(); // the final push below overlaps the span flush
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resources.get(i).getClass().getSimpleName(), oneLine(e));
            }
        }
    }

    /** One line of an exception's message, with its cause's when the message alone says little. */
    static String oneLine(Throwable e) {
        String text = PdfLoader.oneLine(e);
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text += ": " + PdfLoader.oneLine(cause);
        }
        return text;
    }

    /** The batch's outcome on its span, retries and circuit changes as span events. */
    private static final class SpanEvents implements EventListener {
        private final Span batch;

        SpanEvents(Span batch) {
            this.batch = batch;
        }

        @Override
        public void onEvent(Event event) {
            if (event instanceof Event.BatchStarted e) {
                batch.setAttribute(AttributeKey.stringArrayKey("batch.variants"), e.variants());
            } else if (event instanceof Event.RetryScheduled e) {
                // published on the worker thread, inside the span of what is retried
                Span.current().addEvent("retry", Attributes.builder()
                        .put("retry.what", e.what())
                        .put("retry.attempt", (long) e.attempt())
                        .put("retry.delay_ms", e.delay() != null ? e.delay().toMillis() : 0L)
                        .put("retry.reason", e.reason() != null ? e.reason() : "")
                        .build());
            } else if (event instanceof Event.CircuitOpened e) {
                Span.current().addEvent("circuit.opened", Attributes.builder()
                        .put("circuit.name", e.name()).put("circuit.reason", e.reason()).build());
            } else if (event instanceof Event.CircuitClosed e) {
                Span.current().addEvent("circuit.closed", Attributes.builder().put("circuit.name", e.name()).build());
            } else if (event instanceof Event.BatchFinished e) {
                BatchSummary s = e.summary();
                batch.setAttribute("batch.documents.discovered", (long) s.discovered());
                batch.setAttribute("batch.documents.succeeded", (long) s.succeeded());
                batch.setAttribute("batch.documents.failed", (long) s.failed());
                batch.setAttribute("batch.documents.skipped", (long) s.skipped());
                batch.setAttribute("batch.exit_code", (long) s.exitCode());
                if (s.exitCode() != 0) {
                    batch.setStatus(StatusCode.ERROR, s.failed() + " documents failed");
                }
            }
        }
    }
}
