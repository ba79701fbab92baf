package dev.pdfvariants.telemetry;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.failsafe.CircuitBreaker;
import dev.pdfvariants.config.TelemetrySettings.TracingSettings;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The OTLP exporter behind the {@code otlp} circuit breaker: while the breaker is open, spans are
 * dropped at once instead of waiting for a dead collector; the first failure is logged as one
 * warning with the endpoint and a remedy (the SDK's own repeated messages are silenced), later
 * ones only at debug level, and the count of dropped spans is logged at the end.
 */
final class GuardedSpanExporter implements SpanExporter {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedSpanExporter.class);

    private final SpanExporter delegate;
    private final CircuitBreaker<Object> breaker;
    private final TracingSettings settings;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    GuardedSpanExporter(SpanExporter delegate, CircuitBreaker<Object> breaker, TracingSettings settings) {
        this.delegate = delegate;
        this.breaker = breaker;
        this.settings = settings;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (!breaker.tryAcquirePermit()) {
            dropped.addAndGet(spans.size());
            return CompletableResultCode.ofFailure();
        }
        CompletableResultCode result;
        try {
            result = delegate.export(spans);
        } catch (RuntimeException e) {
            failed(spans.size(), e);
            return CompletableResultCode.ofExceptionalFailure(e);
        }
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                breaker.recordSuccess();
            } else {
                failed(spans.size(), result.getFailureThrowable());
            }
        });
        return result;
    }

    private void failed(int spans, Throwable cause) {
        breaker.recordFailure();
        dropped.addAndGet(spans);
        String reason = cause != null ? Telemetry.oneLine(cause) : "the collector did not accept the spans";
        if (warned.compareAndSet(false, true)) {
            LOG.warn("cannot export spans to the OTLP collector at {} ({}): {}; the batch goes on without "
                    + "exporting traces. Check OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT and the protocol, "
                    + "or run `pdfvariants doctor`", settings.endpoint(), settings.protocol(), reason);
        } else {
            LOG.debug("span export failed again: {}", reason);
        }
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        if (dropped.get() > 0) {
            LOG.info("{} spans could not be exported", dropped.get());
        }
        return delegate.shutdown();
    }
}
