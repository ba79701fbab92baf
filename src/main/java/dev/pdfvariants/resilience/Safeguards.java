package dev.pdfvariants.resilience;

import java.util.List;
import java.util.Objects;

import dev.pdfvariants.cache.CacheKeys;
import dev.pdfvariants.cache.OutputCache;
import dev.pdfvariants.cache.StateStore;
import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.config.ResilienceSettings.IsolationMode;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.provider.LanguageModel;
import dev.pdfvariants.provider.ProviderClient;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantKind;

/**
 * What guards the processing of one document, built once per run from configuration (see
 * {@code BatchRunner}) and handed to every document job, in worker threads and worker processes
 * alike.
 * <p>
 * <b>How the policies compose</b>, from the outside in:
 * <ol>
 * <li><i>Isolation fallback</i> ({@code isolation/}): a document that timed out in a worker thread
 * gets one more try in a worker JVM, which can be killed.</li>
 * <li><i>Bulkhead and timeout</i> ({@code schedule/ThreadScheduler}): at most {@code --workers}
 * documents run at once, and discovery waits while they do (the bounded queue). Each document has
 * {@code --timeout} for all its attempts together; when it runs out, the document is cancelled
 * (it can no longer publish an output), its thread interrupted and its slot handed to the next
 * document. In {@code --isolation process} the worker JVM is killed instead.</li>
 * <li><i>Document retry</i> ({@link TransientRetry}): the whole document again, after a backoff,
 * when reading the input failed transiently.</li>
 * <li><i>Limits</i> ({@link ResourceLimits}): the file size before the file is read; pages and
 * inflated stream sizes once it is open. Never retried.</li>
 * <li><i>Cache</i> ({@link OutputCache}): a variant whose outputs for the same input, options,
 * variant version and tool version are complete is not run again.</li>
 * <li><i>Variant retry</i> ({@link TransientRetry}): one variant again when it failed transiently
 * (a provider's 5xx or time-out, an I/O error reading the input).</li>
 * </ol>
 * External endpoints (Pushgateway, OTLP, a language-model provider) are guarded by one circuit
 * breaker each ({@link EndpointBreakers}), around the calls themselves. The language model's own
 * policies (request retry honouring {@code Retry-After}, its breaker, bulkhead, rate limiter and
 * request time-out) sit inside the variant, around each request: see {@code provider/ProviderClient}.
 * A variant whose provider stays down is skipped with the reason (or fails, with
 * {@code --provider-required}), and its answered chunks are kept for the next run.
 *
 * @param retry         retries of transient failures
 * @param limits        per-document resource limits
 * @param cache         the output cache (incremental runs, resume)
 * @param languageModel the language-model provider of the run, or null when none is configured
 */
public record Safeguards(TransientRetry retry, ResourceLimits limits, OutputCache cache, LanguageModel languageModel) {
    public Safeguards {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(cache, "cache");
    }

    /** No language model. */
    public Safeguards(TransientRetry retry, ResourceLimits limits, OutputCache cache) {
        this(retry, limits, cache, null);
    }

    /** The safeguards of a run, from its options: what a worker thread and a worker process both use. */
    public static Safeguards forRun(RunOptions options, List<Variant> variants, OutputLayout layout, EventBus bus) {
        return forRun(options, variants, layout, bus, new EndpointBreakers(bus));
    }

    /** The same, with the run's circuit breakers (those its metrics report). */
    public static Safeguards forRun(RunOptions options, List<Variant> variants, OutputLayout layout, EventBus bus,
            EndpointBreakers breakers) {
        ResilienceSettings settings = options.resilience();
        ResourceLimits limits = new ResourceLimits(settings.limits());
        CacheKeys keys = new CacheKeys(variants, options.settings(), limits.fingerprint(), options.password() != null);
        ProviderSettings provider = options.settings().provider();
        LanguageModel model = null;
        if (provider.configured() && variants.stream().anyMatch(v -> v.kind() == VariantKind.PROVIDER)) {
            int share = settings.isolation().mode() == IsolationMode.PROCESS ? options.workers() : 1;
            model = LanguageModel.forRun(provider, settings.retry(),
                    breakers.forEndpoint(LanguageModel.ENDPOINT, ProviderClient::countsAsFailure), layout, bus, share);
        }
        return new Safeguards(new TransientRetry(settings.retry(), bus), limits,
                new OutputCache(new StateStore(layout), keys, layout, settings.force()), model);
    }

    /** No retry, no limit, no cache: for tools and tests that process one document directly. */
    public static Safeguards none(EventBus bus) {
        return new Safeguards(TransientRetry.none(bus), ResourceLimits.none(), OutputCache.disabled());
    }
}
