package dev.pdfvariants.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The language-model provider of the {@code translated} and {@code expanded} variants: an
 * OpenAI-compatible endpoint. The values that change what the variants write (model, target
 * language, temperature, token limits) are part of their cache key; how the endpoint is reached
 * ({@link Endpoint}) is not.
 *
 * @param model          the model name sent with each request, or null when no provider is configured
 * @param targetLanguage the language {@code translated} writes (a name such as {@code German}, or a tag such as {@code de})
 * @param temperature    sampling temperature, 0 to 2 (low for faithful translation)
 * @param contextTokens  the model's context window in tokens: prompt, chunk and answer must fit in it
 * @param maxTokens      the most tokens the model may write per request ({@code max_tokens})
 * @param endpoint       where and how the provider is called
 */
public record ProviderSettings(String model, String targetLanguage, double temperature, int contextTokens,
        int maxTokens, Endpoint endpoint) {

    public static final String DEFAULT_TARGET_LANGUAGE = "English";
    public static final double DEFAULT_TEMPERATURE = 0.2;
    public static final int DEFAULT_CONTEXT_TOKENS = 8192;
    public static final int DEFAULT_MAX_TOKENS = 2048;
    /** Tokens kept free in the context window for the instructions around a chunk. */
    public static final int PROMPT_RESERVE = 256;

    public ProviderSettings {
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        Objects.requireNonNull(endpoint, "endpoint");
        if (targetLanguage.isBlank()) {
            throw new IllegalArgumentException("--target-language must name a language, e.g. German or de");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("--provider-temperature must be between 0 and 2, got " + temperature);
        }
        if (maxTokens < 64) {
            throw new IllegalArgumentException("--provider-max-tokens must be at least 64, got " + maxTokens);
        }
        if (contextTokens < maxTokens + PROMPT_RESERVE + 64) {
            throw new IllegalArgumentException("--provider-context (" + contextTokens + " tokens) must leave room for "
                    + "--provider-max-tokens (" + maxTokens + "), the instructions (" + PROMPT_RESERVE
                    + ") and some text: raise it to the model's context size, or lower --provider-max-tokens");
        }
        if (endpoint.url() != null && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("--provider-url needs --provider-model: the name of the model the "
                    + "server runs (see `curl URL/models`)");
        }
    }

    /** No provider: the provider variants are skipped. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(null, DEFAULT_TARGET_LANGUAGE, DEFAULT_TEMPERATURE, DEFAULT_CONTEXT_TOKENS,
                DEFAULT_MAX_TOKENS, Endpoint.NONE);
    }

    /** Whether a provider is configured at all ({@code --provider-url}). */
    public boolean configured() {
        return endpoint.url() != null;
    }

    /**
     * How the provider is reached; none of it changes the outputs.
     *
     * @param url               the base URL of the OpenAI-compatible API (e.g. {@code http://localhost:8080/v1}), or null
     * @param key               the API key (a bearer token), or null for servers that need none
     * @param requestsPerMinute the most requests started per minute, spread evenly; 0 = no limit
     * @param concurrency       the most requests in flight at once, across the run
     * @param timeout           the longest one request may take, answer included
     * @param required          a provider failure fails the variant (exit 1) instead of skipping it
     */
    public record Endpoint(URI url, Secret key, int requestsPerMinute, int concurrency, Duration timeout,
            boolean required) {
        public static final int DEFAULT_RPM = 60;
        public static final int DEFAULT_CONCURRENCY = 4;
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
        public static final Endpoint NONE = new Endpoint(null, null, DEFAULT_RPM, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT,
                false);

        public Endpoint {
            Objects.requireNonNull(timeout, "timeout");
            if (requestsPerMinute < 0) {
                throw new IllegalArgumentException("--provider-rpm must not be negative (0 = no limit), got "
                        + requestsPerMinute);
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("--provider-concurrency must be at least 1, got " + concurrency);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("--provider-timeout must be positive, got " + Durations.format(timeout));
            }
        }

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", key=" + (key == null ? "none" : key) + ", rpm=" + requestsPerMinute
                    + ", concurrency=" + concurrency + ", timeout=" + timeout + ", required=" + required + "]";
        }
    }
}
