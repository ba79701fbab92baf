package dev.pdfvariants.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The batch's metrics, in Micrometer's Prometheus registry, fed by the event bus. Names are the
 * public contract of DESIGN.md (and of the alert rules and dashboard under {@code deploy/}):
 * <ul>
 * <li>{@code pdfvariants_documents_total{outcome}}, {@code pdfvariants_documents_discovered_total}</li>
 * <li>{@code pdfvariants_variants_generated_total{variant,outcome}}</li>
 * <li>{@code pdfvariants_pages_processed_total}, {@code pdfvariants_bytes_read_total}</li>
 * <li>{@code pdfvariants_cache_hits_total}, {@code pdfvariants_cache_misses_total} (per variant of a document)</li>
 * <li>{@code pdfvariants_retries_total{reason}}</li>
 * <li>{@code pdfvariants_document_duration_seconds}, {@code pdfvariants_variant_duration_seconds{variant}} (histograms)</li>
 * <li>{@code pdfvariants_circuit_breaker_state{name}} (0 closed, 1 half-open, 2 open)</li>
 * <li>{@code pdfvariants_provider_requests_total{model,outcome}}, {@code pdfvariants_provider_tokens_total{model,type}},
 *     {@code pdfvariants_provider_request_duration_seconds{model}} (histogram)</li>
 * <li>{@code pdfvariants_batch_duration_seconds}, {@code pdfvariants_batch_exit_code},
 *     {@code pdfvariants_batch_last_success_timestamp_seconds} (only once a batch succeeded)</li>
 * <li>{@code jvm_memory_used_bytes} and the other JVM memory gauges</li>
 * </ul>
 * Every series carries {@code environment} when {@code ENVIRONMENT} is set. Counts come from the
 * documents' final results, so a retried document is counted once.
 */
public final class BatchMetrics implements EventListener {
    static final String LAST_SUCCESS = "pdfvariants_batch_last_success_timestamp_seconds";

    private static final Duration[] DOCUMENT_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);
    private static final Duration[] PROVIDER_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300);
    private static final Duration[] VARIANT_BUCKETS = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Supplier<Map<String, Integer>> breakerStates;
    private final Set<String> breakerGauges = ConcurrentHashMap.newKeySet();
    private final Timer documentDuration;
    private final Counter discovered;
    private final Counter pages;
    private final Counter bytes;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final AtomicLong startedNanos = new AtomicLong();
    private final AtomicLong finishedNanos = new AtomicLong();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private volatile List<String> variants = List.of();
    private volatile boolean succeeded;

    /**
     * @param environment   the {@code environment} label, or null
     * @param breakerStates the circuit breakers' states by name (0 closed, 1 half-open, 2 open)
     */
    public BatchMetrics(String environment, Supplier<Map<String, Integer>> breakerStates, Clock clock) {
        this.clock = clock;
        this.breakerStates = breakerStates;
        if (environment != null) {
            registry.config().commonTags("environment", environment);
        }
        new JvmMemoryMetrics().bindTo(registry);
        documentDuration = Timer.builder("pdfvariants.document.duration")
                .description("Wall time to process one document (all its variants)")
                .serviceLevelObjectives(DOCUMENT_BUCKETS)
                .register(registry);
        discovered = Counter.builder("pdfvariants.documents.discovered")
                .description("Documents found by discovery and handed to the workers").register(registry);
        pages = Counter.builder("pdfvariants.pages.processed")
                .description("Pages of the documents opened and processed").register(registry);
        bytes = Counter.builder("pdfvariants.bytes.read")
                .description("Bytes of input documents read").register(registry);
        cacheHits = Counter.builder("pdfvariants.cache.hits")
                .description("Variants of a document found complete and up to date, not generated again")
                .register(registry);
        cacheMisses = Counter.builder("pdfvariants.cache.misses")
                .description("Variants of a document that had to be generated").register(registry);
        for (String outcome : new String[] {"succeeded", "failed", "skipped"}) {
            documents(outcome); // present at zero from the start, so rates and alerts see every outcome
        }
        for (FailureKind kind : FailureKind.values()) {
            if (kind.transientFailure()) {
                retries(kind.id());
            }
        }
        Gauge.builder("pdfvariants.batch.duration", this::batchSeconds)
                .description("Wall time of the batch so far; final once it finished")
                .baseUnit("seconds").register(registry);
        Gauge.builder("pdfvariants.batch.exit.code", exitCode, AtomicInteger::get)
                .description("The batch's exit code (0 all succeeded, 1 documents failed; -1 while running)")
                .register(registry);
    }

    /** The registry, for pushing and writing. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The metrics in the Prometheus text exposition format. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    /** Registers the gauges of circuit breakers created since the last call. */
    void refresh() {
        refreshBreakers();
    }

    public boolean succeeded() {
        return succeeded;
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.BatchStarted e) {
            startedNanos.set(System.nanoTime());
            variants = e.variants();
        } else if (event instanceof Event.DocumentDiscovered) {
            discovered.increment();
        } else if (event instanceof Event.DocumentSucceeded e) {
            document(e.result());
        } else if (event instanceof Event.DocumentFailed e) {
            document(e.result());
        } else if (event instanceof Event.DocumentSkipped e) {
            document(e.result());
        } else if (event instanceof Event.RetryScheduled e) {
            retries(reason(e.reason())).increment();
        } else if (event instanceof Event.ProviderRequest e) {
            providerRequest(e);
        } else if (event instanceof Event.CircuitOpened || event instanceof Event.CircuitClosed) {
            refreshBreakers();
        } else if (event instanceof Event.BatchFinished e) {
            finishedNanos.set(System.nanoTime());
            exitCode.set(e.summary().exitCode());
            if (e.summary().exitCode() == 0) {
                succeeded = true;
                double now = clock.millis() / 1000.0;
                Gauge.builder("pdfvariants.batch.last.success.timestamp", () -> now)
                        .description("When a batch last finished with every document succeeded (Unix time)")
                        .baseUnit("seconds").register(registry);
            }
        }
    }

    private void document(DocumentResult result) {
        String outcome = result.status().id();
        documents(outcome).increment();
        if (result.sha256() != null && result.bytes() >= 0) {
            bytes.increment(result.bytes());
        }
        if (result.status() != Status.SKIPPED) {
            documentDuration.record(Duration.ofMillis(result.durationMs()));
            if (result.pages() != null) {
                pages.increment(result.pages());
            }
        }
        if (result.status() == Status.SKIPPED && result.variants().isEmpty()) {
            cacheHits.increment(variants.size());
        }
        for (VariantResult v : result.variants()) {
            Counter.builder("pdfvariants.variants.generated")
                    .description("Variants of documents, by variant and outcome (succeeded, failed, skipped)")
                    .tags(Tags.of("variant", v.name(), "outcome", v.status().id()))
                    .register(registry).increment();
            if (v.status() == Status.SKIPPED) {
                if (result.status() == Status.SKIPPED || isCacheHit(v.reason())) {
                    cacheHits.increment();
                }
            } else {
                cacheMisses.increment();
                Timer.builder("pdfvariants.variant.duration").description("Wall time to generate one variant of a document")
                        .serviceLevelObjectives(VARIANT_BUCKETS).tags("variant", v.name())
                        .register(registry).record(Duration.ofMillis(v.durationMs()));
            }
        }
    }

    /** Requests to the language-model provider: count, tokens and latency, by model (and outcome). */
    private void providerRequest(Event.ProviderRequest e) {
        String model = e.model() != null ? e.model() : "unknown";
        Counter.builder("pdfvariants.provider.requests")
                .description("Requests to the language-model provider, by model and outcome (ok, rate-limited, "
                        + "server-error, rejected, timeout, connection-error, bad-response)")
                .tags("model", model, "outcome", e.outcome()).register(registry).increment();
        if (e.promptTokens() > 0) {
            providerTokens(model, "prompt").increment(e.promptTokens());
        }
        if (e.completionTokens() > 0) {
            providerTokens(model, "completion").increment(e.completionTokens());
        }
        Timer.builder("pdfvariants.provider.request.duration")
                .description("Time of one request to the language-model provider, answer included")
                .serviceLevelObjectives(PROVIDER_BUCKETS).tags("model", model)
                .register(registry).record(Duration.ofMillis(e.durationMs()));
    }

    private Counter providerTokens(String model, String type) {
        return Counter.builder("pdfvariants.provider.tokens")
                .description("Tokens the language-model provider counted, by model and type (prompt, completion)")
                .tags("model", model, "type", type).register(registry);
    }

    /** A variant skipped because its outputs are up to date (not one skipped as not applicable). */
    static boolean isCacheHit(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("up to date") || r.contains("up-to-date") || r.contains("cache");
    }

    private Counter retries(String reason) {
        return Counter.builder("pdfvariants.retries").description("Retries scheduled after a transient failure, by reason")
                .tags("reason", reason).register(registry);
    }

    private Counter documents(String outcome) {
        return Counter.builder("pdfvariants.documents").description("Documents processed, by outcome")
                .tags("outcome", outcome).register(registry);
    }

    /** A gauge per circuit breaker, registered the first time its name is seen. */
    private void refreshBreakers() {
        for (String name : breakerStates.get().keySet()) {
            if (breakerGauges.add(name)) {
                Gauge.builder("pdfvariants.circuit.breaker.state", () -> breakerStates.get().getOrDefault(name, 0))
                        .description("Circuit breaker state per endpoint: 0 closed, 1 half-open, 2 open")
                        .tags("name", name).register(registry);
            }
        }
    }

    private double batchSeconds() {
        long start = startedNanos.get();
        if (start == 0) {
            return 0;
        }
        long end = finishedNanos.get();
        return ((end != 0 ? end : System.nanoTime()) - start) / 1e9;
    }

    /** A bounded label: the failure kind when the reason starts with one, else {@code other}. */
    static String reason(String reason) {
        if (reason != null) {
            String head = reason.toLowerCase(Locale.ROOT).split("[^a-z-]", 2)[0];
            for (FailureKind kind : FailureKind.values()) {
                if (kind.id().equals(head)) {
                    return head;
                }
            }
        }
        return "other";
    }

    private static Duration[] seconds(double... values) {
        Duration[] result = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Duration.ofNanos((long) (values[i] * 1e9));
        }
        return result;
    }
}
