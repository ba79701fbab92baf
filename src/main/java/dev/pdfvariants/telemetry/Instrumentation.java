package dev.pdfvariants.telemetry;

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
