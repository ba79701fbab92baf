package dev.pdfvariants.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.config.Secret;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the language-model provider of {@code translated} and {@code expanded}, mixed
 * into {@code run} and {@code doctor}; turned into one {@link ProviderSettings}. The API key is
 * read from {@code --provider-key-file} or the environment ({@code PDFVARIANTS_PROVIDER_KEY}, or
 * {@code OPENAI_API_KEY}), never from the command line.
 */
final class ProviderOptions {
    static final String KEY_VARIABLE = "PDFVARIANTS_PROVIDER_KEY";
    /** Read when {@link #KEY_VARIABLE} is not set: the name OpenAI's own tools use. */
    static final String KEY_ALIAS = "OPENAI_API_KEY";

    @Option(names = "--provider-url", paramLabel = "URL",
            description = "Base URL of an OpenAI-compatible API (up to /v1) for the translated and expanded "
                    + "variants: a hosted service, or a local llama.cpp, vLLM or Ollama server. Without it those "
                    + "variants are skipped.")
    String url;

    @Option(names = "--provider-model", paramLabel = "NAME",
            description = "The model to ask, as the server names it (required with --provider-url).")
    String model;

    @Option(names = "--provider-key-file", paramLabel = "FILE",
            description = "File whose first line is the API key (or set " + KEY_VARIABLE + ", or " + KEY_ALIAS
                    + "). Local servers usually need none.")
    Path keyFile;

    @Option(names = "--target-language", paramLabel = "LANG", defaultValue = ProviderSettings.DEFAULT_TARGET_LANGUAGE,
            description = "Language of the translated variant: a name (German) or a tag (de, pt-BR). "
                    + "Default: ${DEFAULT-VALUE}.")
    String targetLanguage;

    @Option(names = "--provider-rpm", paramLabel = "N", defaultValue = "" + ProviderSettings.Endpoint.DEFAULT_RPM,
            description = "Most requests started per minute, spread evenly; 0 = no limit. Default: ${DEFAULT-VALUE}.")
    int requestsPerMinute;

    @Option(names = "--provider-concurrency", paramLabel = "N",
            defaultValue = "" + ProviderSettings.Endpoint.DEFAULT_CONCURRENCY,
            description = "Most requests in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--provider-timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = Converters.DurationConverter.class,
            description = "Longest time one request may take, answer included (then it is retried). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--provider-context", paramLabel = "TOKENS",
            defaultValue = "" + ProviderSettings.DEFAULT_CONTEXT_TOKENS,
            description = "The model's context size in tokens (llama-server -c, vLLM --max-model-len, Ollama "
                    + "num_ctx): documents are cut into chunks that fit. Default: ${DEFAULT-VALUE}.")
    int contextTokens;

    @Option(names = "--provider-max-tokens", paramLabel = "TOKENS",
            defaultValue = "" + ProviderSettings.DEFAULT_MAX_TOKENS,
            description = "Most tokens the model may write per request (max_tokens). Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--provider-temperature", paramLabel = "T", defaultValue = "" + ProviderSettings.DEFAULT_TEMPERATURE,
            description = "Sampling temperature, 0 to 2. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--provider-required",
            description = "A provider that is down makes translated/expanded fail (exit 1) instead of being skipped.")
    boolean required;

    /** The settings, validated; a bad value is a usage error naming the option. */
    ProviderSettings toSettings(CommandLine cmd, Io io) {
        URI base = url(cmd);
        Secret key = key(io);
        try {
            return new ProviderSettings(blankToNull(model), targetLanguage, temperature, contextTokens, maxTokens,
                    new ProviderSettings.Endpoint(base, key, requestsPerMinute, concurrency, timeout, required));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }

    /** The base URL, or null when none is given. */
    URI url(CommandLine cmd) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String text = url.trim();
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            if (uri.getUserInfo() != null) {
                throw new CommandLine.ParameterException(cmd, "--provider-url must not carry credentials; put the "
                        + "key in --provider-key-file or " + KEY_VARIABLE);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(cmd, "--provider-url must be an http(s) URL such as "
                    + "http://localhost:8080/v1, got '" + text.replaceAll("//[^/@]*@", "//") + "'");
        }
    }

    /** The API key: {@code --provider-key-file}, else {@value #KEY_VARIABLE}, else {@value #KEY_ALIAS}, else null. */
    Secret key(Io io) {
        Map<String, String> env = io.env();
        Path file = keyFile != null ? io.workingDirectory().resolve(keyFile) : null;
        Secret key = Secret.resolve(file, "--provider-key-file", env, KEY_VARIABLE);
        return key != null ? key : Secret.resolve(null, "", env, KEY_ALIAS);
    }

    String model() {
        return blankToNull(model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
