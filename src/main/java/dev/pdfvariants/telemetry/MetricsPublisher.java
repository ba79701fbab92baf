package dev.pdfvariants.telemetry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.failsafe.CircuitBreaker;
import dev.pdfvariants.config.TelemetrySettings.MetricsSettings;
import dev.pdfvariants.output.AtomicFiles;
import io.micrometer.core.instrument.Counter;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;

/**
 * Publishes a batch's metrics: pushes them to the Pushgateway every {@code --push-interval} and
 * at the end, and writes them to {@code --metrics-file}.
 * <p>
 * Pushes group by {@code job} and {@code instance} = the shard label, so the shards of one batch
 * never overwrite each other. Every push is a POST, which replaces only the metric families it
 * carries: {@code pdfvariants_batch_last_success_timestamp_seconds} is carried only by the final
 * push of a successful batch, so a failed batch leaves the last success time as it was (the
 * "has not succeeded for N hours" alert depends on that). The metrics file keeps it the same way.
 * <p>
 * A push is bounded by the connect and read timeouts and guarded by the {@code pushgateway}
 * circuit breaker; a failed push costs one warning per run and never fails the batch.
 */
final class MetricsPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);

    private final MetricsSettings settings;
    private final BatchMetrics metrics;
    private final CircuitBreaker<Object> breaker;
    private final String batchId;
    private final PushGateway gateway;
    private final Counter pushFailures;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicBoolean fileWarned = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Object pushing = new Object();

    MetricsPublisher(MetricsSettings settings, BatchMetrics metrics, String instance, CircuitBreaker<Object> breaker,
            String batchId) {
        this.settings = settings;
        this.metrics = metrics;
        this.breaker = breaker;
        this.batchId = batchId;
        this.gateway = settings.pushgateway() != null ? gateway(settings, metrics, instance) : null;
        this.pushFailures = gateway == null ? null
                : Counter.builder("pdfvariants.pushgateway.push.failures")
                        .description("Pushes to the Pushgateway that failed during this batch")
                        .register(metrics.registry());
        boolean periodic = !settings.pushInterval().isZero() && settings.enabled();
        this.ticker = periodic ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdfvariants-metrics");
            t.setDaemon(true);
            return t;
        }) : null;
        if (ticker != null) {
            long every = settings.pushInterval().toMillis();
            ticker.scheduleWithFixedDelay(this::publish, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private static PushGateway gateway(MetricsSettings settings, BatchMetrics metrics, String instance) {
        URI url = settings.pushgateway();
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        PushGateway.Builder builder = PushGateway.builder()
                .address(url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + path)
                .scheme("https".equalsIgnoreCase(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .job(settings.job())
                .groupingKey("instance", instance)
                .registry(metrics.registry().getPrometheusRegistry())
                .format(Format.PROMETHEUS_TEXT)
                .connectionTimeout(settings.pushTimeout())
                .readTimeout(settings.pushTimeout());
        if (settings.username() != null) {
            builder.basicAuth(settings.username(), settings.password() != null ? settings.password().reveal() : "");
        } else if (settings.bearerToken() != null) {
            builder.bearerToken(settings.bearerToken().reveal());
        }
        return builder.build();
    }

    /** A periodic publication: push and write what the batch has counted so far. */
    private void publish() {
        if (finished.get()) {
            return;
        }
        MDC.put("batch", batchId);
        try {
            push();
            writeFile();
        } catch (RuntimeException e) {
            LOG.debug("periodic metrics publication failed", e);
        } finally {
            MDC.remove("batch");
        }
    }

    /** The final publication, after the batch finished (or stopped). Idempotent. */
    @Override
    public void close() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                // a periodic push still in flight is bounded by the push timeouts
                ticker.awaitTermination(settings.pushTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        push();
        writeFile();
    }

    private void push() {
        if (gateway == null) {
            return;
        }
        synchronized (pushing) {
            if (!breaker.tryAcquirePermit()) {
                LOG.debug("not pushing metrics: the pushgateway circuit breaker is open");
                return;
            }
            metrics.refresh(); // registers late gauges before the push reads the registry
            try {
                gateway.pushAdd();
                breaker.recordSuccess();
                LOG.debug("pushed metrics to {}", settings.pushgateway());
            } catch (IOException | RuntimeException e) {
                breaker.recordFailure();
                pushFailures.increment();
                String reason = Telemetry.oneLine(e);
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("cannot push metrics to the Pushgateway at {}: {}; the batch goes on without them. "
                            + "Check --pushgateway / PUSHGATEWAY_URL and its credentials, or run `pdfvariants doctor`",
                            settings.pushgateway(), reason);
                } else {
                    LOG.debug("metrics push failed again: {}", reason);
                }
            }
        }
    }

    private synchronized void writeFile() {
        Path file = settings.file();
        if (file == null) {
            return;
        }
        try {
            String text = metrics.scrape();
            if (!metrics.succeeded()) {
                text += previousLastSuccess(file);
            }
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (fileWarned.compareAndSet(false, true)) {
                LOG.warn("cannot write the metrics file {}: {}; check the path and its permissions", file,
                        Telemetry.oneLine(e));
            }
        }
    }

    /** The last-success lines of the file being replaced, so that a failed batch keeps the previous success time. */
    static String previousLastSuccess(Path file) throws IOException {
        String old;
        try {
            old = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (java.nio.charset.MalformedInputException e) {
            return "";
        }
        String lines = old.lines()
                .filter(l -> l.startsWith(BatchMetrics.LAST_SUCCESS + " ") || l.startsWith(BatchMetrics.LAST_SUCCESS + "{")
                        || l.equals("# TYPE " + BatchMetrics.LAST_SUCCESS + " gauge")
                        || l.startsWith("# HELP " + BatchMetrics.LAST_SUCCESS + " "))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "" : lines + "\n";
    }

    /** For tests and doctor: the push timeout bound. */
    Duration timeout() {
        return settings.pushTimeout();
    }
}
