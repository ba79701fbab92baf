package dev.pdfvariants.telemetry;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.slf4j.MDC;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.DocumentFailure;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * The spans of a batch's work, handed to the document processor: {@code document} (a child of
 * the batch span, on whatever worker thread runs it) with the steps {@code pdf.load},
 * {@code text.model} and {@code variant <name>} as its children. Each span is current while its
 * body runs, and the MDC carries {@code batch}, {@code trace_id} and {@code span_id} meanwhile, so
 * every log line names the span it was written in. Results become span attributes; failures set
 * the span's status to error with the failure kind.
 * <p>
 * {@link #NONE} creates no spans, for embedders and tests that do not care.
 */
public class Instrumentation {
    /** No spans, no MDC: bodies just run. */
    public static final Instrumentation NONE = new Instrumentation(null, Context.root(), null);

    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** The tracer travels in the context, so code far from the processor can open a step ({@link #step}). */
    private static final ContextKey<Instrumentation> CURRENT = ContextKey.named("pdfvariants.instrumentation");
    /** The document span's context: steps opened from inside a variant still hang under the document. */
    private static final ContextKey<Context> DOCUMENT = ContextKey.named("pdfvariants.document");

    private final Tracer tracer;
    private final Context batch;
    private final String batchId;

    Instrumentation(Tracer tracer, Context batch, String batchId) {
        this.tracer = tracer;
        this.batch = batch;
        this.batchId = batchId;
    }

    /** A body that may throw a checked exception. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs the processing of one document in a {@code document} span under the batch span. */
    public DocumentResult document(String path, Supplier<DocumentResult> body) {
        if (tracer == null) {
            return body.get();
        }
        Span span = tracer.spanBuilder("document").setParent(batch)
                .setAttribute("document.path", path).startSpan();
        Context context = batch.with(span).with(DOCUMENT, batch.with(span)).with(CURRENT, this);
        return inSpan(span, context, body, Instrumentation::describe);
    }

    /** Runs one variant in a {@code variant <name>} span under the current document. */
    public VariantResult variant(String name, Supplier<VariantResult> body) {
        if (tracer == null) {
            return body.get();
        }
        Span span = tracer.spanBuilder("variant " + name).setParent(documentContext())
                .setAttribute("variant.name", name).startSpan();
        return inSpan(span, Context.current().with(span), body, (s, result) -> {
            s.setAttribute("variant.outcome", result.status().id());
            s.setAttribute("variant.outputs", result.outputs().size());
            if (result.error() != null) {
                fail(s, result.error());
            }
        });
    }

    /** Runs {@code body} with {@code span} current and in the MDC, describes the result on it, and ends it. */
    private <T> T inSpan(Span span, Context context, Supplier<T> body, BiConsumer<Span, T> describe) {
        try (Scope ignored = context.makeCurrent(); LogContext logs = LogContext.enter(batchId, span)) {
            T result = body.get();
            describe.accept(span, result);
            return result;
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs a step of the current document ({@code pdf.load}, {@code text.model}) in a span of its
     * own. Outside a document, or without instrumentation, the body just runs. A thrown exception
     * is recorded on the span and rethrown.
     */
    public static <T, E extends Exception> T step(String name, Body<T, E> body) throws E {
        Instrumentation current = Context.current().get(CURRENT);
        if (current == null || current.tracer == null) {
            return body.run();
        }
        Span span = current.tracer.spanBuilder(name).setParent(current.documentContext()).startSpan();
        try (Scope ignored = Context.current().with(span).makeCurrent();
                LogContext logs = LogContext.enter(current.batchId, span)) {
            return body.run();
        } catch (Exception | Error e) {
            span.recordException(e);
            if (e instanceof DocumentFailure failure) {
                span.setAttribute(ERROR_TYPE, failure.kind().id());
                span.setStatus(StatusCode.ERROR, failure.kind().id() + ": " + failure.getMessage());
            } else {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            }
            throw e;
        } finally {
            span.end();
        }
    }

    /** What the span of an outgoing call records as the call goes; does nothing without tracing. */
    public interface CallSpan {
        void set(String key, String value);

        void set(String key, long value);

        /** Marks the call as failed: {@code error.type} and an error status with {@code message}. */
        void failed(String type, String message);
    }

    /** The body of an outgoing call, describing itself on its span. */
    @FunctionalInterface
    public interface CallBody<T, E extends Exception> {
        T run(CallSpan span) throws E;
    }

    private static final CallSpan NO_SPAN = new CallSpan() {
        @Override
        public void set(String key, String value) {
        }

        @Override
        public void set(String key, long value) {
        }

        @Override
        public void failed(String type, String message) {
        }
    };

    /**
     * Runs an outgoing call (e.g. {@code provider.request}) in a client span, a child of the
     * current span (the variant that makes it). Outside a document, or without instrumentation,
     * the body runs with a span that records nothing. An exception the body did not describe sets
     * the span's status to error with its class name, and is rethrown.
     */
    public static <T, E extends Exception> T call(String name, CallBody<T, E> body) throws E {
        Instrumentation current = Context.current().get(CURRENT);
        if (current == null || current.tracer == null) {
            return body.run(NO_SPAN);
        }
        Span span = current.tracer.spanBuilder(name).setParent(Context.current()).setSpanKind(SpanKind.CLIENT)
                .startSpan();
        boolean[] described = new boolean[1];
        CallSpan handle = new CallSpan() {
            @Override
            public void set(String key, String value) {
                span.setAttribute(key, value);
            }

            @Override
            public void set(String key, long value) {
                span.setAttribute(key, value);
            }

            @Override
            public void failed(String type, String message) {
                described[0] = true;
                span.setAttribute(ERROR_TYPE, type);
                span.setStatus(StatusCode.ERROR, type + ": " + message);
            }
        };
        try (Scope ignored = Context.current().with(span).makeCurrent();
                LogContext logs = LogContext.enter(current.batchId, span)) {
            return body.run(handle);
        } catch (Exception | Error e) {
            if (!described[0]) {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            }
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * {@code task}, to be run on another thread as if on this one: in the current trace context
     * (so its spans hang under the current span) and with the current MDC (batch, document,
     * variant) on its log lines.
     */
    public static <T> Supplier<T> carry(Supplier<T> task) {
        Context context = Context.current();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            setMdc(mdc);
            try (Scope ignored = context.makeCurrent()) {
                return task.get();
            } finally {
                setMdc(previous);
            }
        };
    }

    private static void setMdc(Map<String, String> values) {
        if (values == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(values);
        }
    }

    private Context documentContext() {
        Context document = Context.current().get(DOCUMENT);
        return document != null ? document : batch;
    }

    private static void describe(Span span, DocumentResult result) {
        if (result.sha256() != null) {
            span.setAttribute("document.sha256", result.sha256());
        }
        if (result.bytes() >= 0) {
            span.setAttribute("document.bytes", result.bytes());
        }
        if (result.pages() != null) {
            span.setAttribute("document.pages", result.pages().longValue());
        }
        span.setAttribute("document.outcome", result.status().id());
        if (result.status() == Status.FAILED && result.firstFailure() != null) {
            fail(span, result.firstFailure());
        }
    }

    static void fail(Span span, Failure failure) {
        span.setAttribute(ERROR_TYPE, failure.kind());
        span.setStatus(StatusCode.ERROR, failure.kind() + ": " + failure.message());
    }

    /**
     * Puts {@code batch}, {@code trace_id} and {@code span_id} in the MDC for the life of a span's
     * scope, and restores what was there before.
     */
    static final class LogContext implements AutoCloseable {
        private final String previousBatch;
        private final String previousTrace;
        private final String previousSpan;

        private LogContext(String batchId, SpanContext span) {
            previousBatch = MDC.get("batch");
            previousTrace = MDC.get("trace_id");
            previousSpan = MDC.get("span_id");
            if (batchId != null) {
                MDC.put("batch", batchId);
            }
            if (span.isValid()) {
                MDC.put("trace_id", span.getTraceId());
                MDC.put("span_id", span.getSpanId());
            }
        }

        static LogContext enter(String batchId, Span span) {
            return new LogContext(batchId, span.getSpanContext());
        }

        @Override
        public void close() {
            restore("batch", previousBatch);
            restore("trace_id", previousTrace);
            restore("span_id", previousSpan);
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
