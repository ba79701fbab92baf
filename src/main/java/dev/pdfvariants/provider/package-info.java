/**
 * The language-model provider of the {@code translated} and {@code expanded} variants: an
 * OpenAI-compatible {@code chat/completions} client behind retry, circuit breaker, bulkhead and
 * rate limiter ({@link dev.pdfvariants.provider.ProviderClient}), the per-chunk answers kept for
 * resuming ({@link dev.pdfvariants.provider.ChunkStore}), and the run-wide service the variants
 * call ({@link dev.pdfvariants.provider.LanguageModel}).
 */
package dev.pdfvariants.provider;
