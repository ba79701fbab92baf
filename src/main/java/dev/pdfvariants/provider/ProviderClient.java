package dev.pdfvariants.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedPredicate;
import dev.pdfvariants.Version;
import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.telemetry.Instrumentation;

/**
 * The client of an OpenAI-compatible {@code POST {base}/chat/completions}, on the JDK HttpClient,
 * with its Failsafe policies built once per run. <b>How they compose</b>, from the outside in:
 * <ol>
 * <li><i>Retry</i> ({@code providerRetry}): a request that failed transiently (429, 5xx, 408, a
 * time-out, a refused, closed or reset connection, an answer that is not a completion) is sent
 * again, after the {@code Retry-After} the server asked for (seconds or an HTTP date, up to
 * {@value #MAX_RETRY_AFTER_SECONDS} s), else after an exponential backoff with ±25 % jitter from
 * {@code --retry-delay} to {@code --retry-max-delay}, at most {@code --retries} times. A rejected
 * request (400, 401, 403, 404 …) is not retried. Each retry is logged and published as
 * {@code retry.scheduled}.</li>
 * <li><i>Circuit breaker</i> ({@code providerBreaker}, the run's {@code provider} breaker): after 5
 * consecutive failed requests it opens for 60 s, and calls fail at once, without waiting for
 * anything below; the variants fall back.</li>
 * <li><i>Bulkhead</i> ({@code --provider-concurrency}): at most that many requests in flight
 * across the run; others wait.</li>
 * <li><i>Rate limiter</i> ({@code --provider-rpm}): request starts are spread evenly, one every
 * 60/rpm seconds; inside the bulkhead, so that waiting for a slot never bunches requests up.</li>
 * <li><i>Time-out</i> ({@code --provider-timeout}): one request, answer included.</li>
 * </ol>
 * Every attempt is a {@code provider.request} span (model, tokens, HTTP status) and a
 * {@code provider.request} event (which the metrics count). The key goes into the
 * {@code Authorization} header and nowhere else: messages quoting the server are cleaned of it.
 */
public final class ProviderClient {
    /** The longest {@code Retry-After} honoured; a server asking for more fails the request. */
    static final long MAX_RETRY_AFTER_SECONDS = 120;
    /** How long a request may wait for a bulkhead slot or a rate-limiter permit. */
    private static final Duration MAX_QUEUE_WAIT = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ProviderClient.class);

    private final URI chatUrl;
    private final String shownUrl;
    private final Secret key;
    private final ProviderSettings settings;
    private final Duration timeout;
    private final EventBus bus;
    private final Clock clock;
    private final HttpClient http;
    private final FailsafeExecutor<Completion> policies;

    /**
     * @param settings the provider (its endpoint must be configured)
     * @param retry    retries and backoff bounds of the run
     * @param breaker  the run's breaker for the provider, counting only {@link #countsAsFailure} exceptions
     * @param share    how many processes share the rate and concurrency limits (worker processes), 1 otherwise
     */
    ProviderClient(ProviderSettings settings, ResilienceSettings.Retry retry, CircuitBreaker<Completion> breaker,
            EventBus bus, Clock clock, int share) {
        this.settings = settings;
        ProviderSettings.Endpoint endpoint = settings.endpoint();
        this.chatUrl = chatUrl(endpoint.url());
        this.shownUrl = endpoint.url().toString();
        this.key = endpoint.key();
        this.timeout = endpoint.timeout();
        this.bus = bus;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        List<Policy<Completion>> chain = new ArrayList<>();
        chain.add(providerRetry(retry));
        chain.add(breaker);
        chain.add(Bulkhead.<Completion>builder(Math.max(1, endpoint.concurrency() / Math.max(1, share)))
                .withMaxWaitTime(MAX_QUEUE_WAIT).build());
        if (endpoint.requestsPerMinute() > 0) {
            long perMinute = Math.max(1, endpoint.requestsPerMinute() / Math.max(1, share));
            chain.add(RateLimiter.<Completion>smoothBuilder(perMinute, Duration.ofMinutes(1))
                    .withMaxWaitTime(MAX_QUEUE_WAIT).build());
        }
        this.policies = Failsafe.with(chain);
    }

    /** The exceptions the provider's circuit breaker counts: failed requests, not abandoned ones. */
    public static boolean countsAsFailure(Throwable failure) {
        return failure instanceof ProviderFailure;
    }

    /** {@code base/chat/completions}; a base that already ends so is taken as it is. */
    static URI chatUrl(URI base) {
        String text = base.toString().replaceAll("/+$", "");
        if (!text.endsWith("/chat/completions")) {
            text += "/chat/completions";
        }
        return URI.create(text);
    }

    private RetryPolicy<Completion> providerRetry(ResilienceSettings.Retry retry) {
        return RetryPolicy.<Completion>builder()
                .handleIf((CheckedPredicate<Throwable>) e -> e instanceof ProviderFailure f && f.retryable())
                .withMaxRetries(retry.retries())
                .withDelayFn(context -> delay(context.getLastException(), context.getAttemptCount(), retry))
                .onRetryScheduled(e -> {
                    ProviderFailure f = (ProviderFailure) e.getLastException();
                    String reason = "provider-error: " + f.getMessage();
                    LOG.warn("retrying the {} request for chunk {} of {} in {} ms (attempt {} failed: {})",
                            f.call().variant(), f.call().chunk() + 1, f.call().path(), e.getDelay().toMillis(),
                            e.getAttemptCount(), f.getMessage());
                    bus.publish(new Event.RetryScheduled(f.call().path(), "provider request " + f.call().variant(),
                            e.getAttemptCount(), e.getDelay(), reason));
                })
                .build();
    }

    /** The server's {@code Retry-After} when it gave one, else the backoff for this attempt, with jitter. */
    static Duration delay(Throwable last, int attempts, ResilienceSettings.Retry retry) {
        if (last instanceof ProviderFailure f && f.retryAfter() != null) {
            return f.retryAfter();
        }
        double base = retry.delay().toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        base = Math.min(base, retry.maxDelay().toMillis());
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * ResilienceSettings.Retry.JITTER;
        return Duration.ofMillis(Math.max(1, Math.round(base * jitter)));
    }

    /**
     * Asks the model, through every policy. Blocks for the whole exchange, retries included.
     *
     * @throws ProviderUnavailable  the provider did not answer (what happened, and how often, is the reason)
     * @throws CancellationException the thread was interrupted (its document timed out, or the run stops)
     */
    Completion complete(ChatRequest request, Call call) throws ProviderUnavailable {
        AtomicInteger attempts = new AtomicInteger();
        String body = ChatWire.request(settings.model(), request, settings.temperature(), settings.maxTokens());
        try {
            return policies.get(() -> attempt(body, call, attempts.incrementAndGet()));
        } catch (ProviderFailure f) {
            throw new ProviderUnavailable(f.getMessage() + attemptsText(attempts.get()) + remedy(f));
        } catch (CircuitBreakerOpenException e) {
            throw new ProviderUnavailable("its circuit breaker is open after repeated failures (requests resume "
                    + "after 60 s)");
        } catch (BulkheadFullException | RateLimitExceededException e) {
            throw new ProviderUnavailable("no request slot within " + MAX_QUEUE_WAIT.toMinutes()
                    + " min (--provider-concurrency, --provider-rpm)");
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the provider");
            }
            throw e;
        }
    }

    private static String attemptsText(int attempts) {
        return attempts > 1 ? " (" + attempts + " attempts)" : "";
    }

    private static String remedy(ProviderFailure f) {
        return switch (f.status()) {
            case 401, 403 -> "; check the key (--provider-key-file or PDFVARIANTS_PROVIDER_KEY)";
            case 404 -> "; check --provider-url and --provider-model (`pdfvariants doctor` lists the models served)";
            case 400, 413, 422 -> "; if the text is too long for the model, set --provider-context to its context size";
            default -> "";
        };
    }

    /** One request, in its span, published as an event. */
    private Completion attempt(String body, Call call, int attempt) {
        long start = System.nanoTime();
        return Instrumentation.call("provider.request", span -> {
            span.set("gen_ai.operation.name", "chat");
            span.set("gen_ai.request.model", settings.model());
            span.set("server.address", chatUrl.getHost());
            span.set("provider.variant", call.variant());
            span.set("provider.chunk", call.chunk());
            span.set("provider.attempt", attempt);
            try {
                Completion c = send(body, call);
                long ms = millisSince(start);
                span.set("http.response.status_code", 200);
                span.set("gen_ai.usage.input_tokens", c.promptTokens());
                span.set("gen_ai.usage.output_tokens", c.completionTokens());
                if (c.finishReason() != null) {
                    span.set("gen_ai.response.finish_reasons", c.finishReason());
                }
                span.set("provider.outcome", RequestOutcome.OK.id());
                LOG.debug("{} chunk {}: answered in {} ms ({} + {} tokens)", call.variant(), call.chunk() + 1, ms,
                        c.promptTokens(), c.completionTokens());
                bus.publish(new Event.ProviderRequest(call.path(), call.variant(), call.chunk(), settings.model(),
                        attempt, RequestOutcome.OK.id(), 200, c.promptTokens(), c.completionTokens(), ms));
                return c;
            } catch (ProviderFailure f) {
                long ms = millisSince(start);
                if (f.status() > 0) {
                    span.set("http.response.status_code", f.status());
                }
                span.set("provider.outcome", f.outcome().id());
                span.failed(f.outcome().id(), f.getMessage());
                LOG.debug("{} chunk {}: {} after {} ms: {}", call.variant(), call.chunk() + 1, f.outcome().id(), ms,
                        f.getMessage());
                bus.publish(new Event.ProviderRequest(call.path(), call.variant(), call.chunk(), settings.model(),
                        attempt, f.outcome().id(), f.status(), 0, 0, ms));
                throw f;
            }
        });
    }

    private Completion send(String body, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(chatUrl)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", Version.NAME + "/" + Version.version())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null && !key.reveal().isEmpty()) {
            request.header("Authorization", "Bearer " + key.reveal());
        }
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failure(RequestOutcome.TIMEOUT, 0, "no whole answer within " + seconds(timeout)
                    + " (--provider-timeout)", null, call);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the provider");
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause(), call);
        }
        return answer(response, call);
    }

    private ProviderFailure transportFailure(Throwable cause, Call call) {
        if (cause instanceof HttpConnectTimeoutException) {
            return failure(RequestOutcome.CONNECTION_ERROR, 0, "cannot connect to " + shownUrl + ": no connection "
                    + "within the connect time-out", null, call);
        }
        if (cause instanceof HttpTimeoutException) {
            return failure(RequestOutcome.TIMEOUT, 0, "no answer within " + seconds(timeout) + " (--provider-timeout)",
                    null, call);
        }
        if (cause instanceof ConnectException) {
            return failure(RequestOutcome.CONNECTION_ERROR, 0, "cannot connect to " + shownUrl
                    + ": connection refused (is the server running?)", null, call);
        }
        if (cause instanceof IOException) {
            String what = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            return failure(RequestOutcome.CONNECTION_ERROR, 0, "the connection to " + shownUrl + " failed: " + what,
                    null, call);
        }
        return failure(RequestOutcome.CONNECTION_ERROR, 0, "the request to " + shownUrl + " failed: "
                + cause.getClass().getSimpleName(), null, call);
    }

    private Completion answer(HttpResponse<String> response, Call call) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status / 100 == 2) {
            try {
                return ChatWire.completion(body);
            } catch (IOException e) {
                throw failure(RequestOutcome.BAD_RESPONSE, status, shownUrl + " answered HTTP " + status + " but "
                        + e.getMessage(), null, call);
            }
        }
        String quoted = ChatWire.errorMessage(body);
        String message = shownUrl + " answered HTTP " + status + (quoted != null ? ": " + quoted : "");
        if (status == 429 || status == 503) {
            Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
            RequestOutcome outcome = status == 429 ? RequestOutcome.RATE_LIMITED : RequestOutcome.SERVER_ERROR;
            if (wait != null && wait.getSeconds() > MAX_RETRY_AFTER_SECONDS) {
                throw failure(outcome, status, message + " and asked to wait " + seconds(wait)
                        + ", longer than the " + MAX_RETRY_AFTER_SECONDS + " s this tool waits", null, false, call);
            }
            throw failure(outcome, status, message, wait, call);
        }
        if (status == 408) {
            throw failure(RequestOutcome.TIMEOUT, status, message, null, call);
        }
        if (status >= 500) {
            throw failure(RequestOutcome.SERVER_ERROR, status, message, null, call);
        }
        throw failure(RequestOutcome.REJECTED, status, message, null, call);
    }

    private ProviderFailure failure(RequestOutcome outcome, int status, String message, Duration retryAfter, Call call) {
        return failure(outcome, status, message, retryAfter, outcome.retryable(), call);
    }

    private ProviderFailure failure(RequestOutcome outcome, int status, String message, Duration retryAfter,
            boolean retryable, Call call) {
        return new ProviderFailure(outcome, status, withoutKey(message), retryAfter, retryable, call);
    }

    /** A message quoting the server, with the key masked should the server have echoed it. */
    private String withoutKey(String message) {
        if (key == null || key.reveal().length() < 4 || message == null) {
            return message;
        }
        return message.replace(key.reveal(), "****");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
