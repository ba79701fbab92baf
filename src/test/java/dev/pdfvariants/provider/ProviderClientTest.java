package dev.pdfvariants.provider;

import static dev.pdfvariants.testing.FakeProvider.answer;
import static dev.pdfvariants.testing.FakeProvider.closeConnection;
import static dev.pdfvariants.testing.FakeProvider.rateLimited;
import static dev.pdfvariants.testing.FakeProvider.stall;
import static dev.pdfvariants.testing.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.resilience.EndpointBreakers;
import dev.pdfvariants.testing.FakeProvider;

/**
 * The provider client against a scripted OpenAI-compatible server on loopback: the wire format,
 * which failures are retried and how often, {@code Retry-After}, time-outs and closed connections,
 * the circuit breaker, the rate limiter and the bulkhead.
 */
class ProviderClientTest {
    private static final String KEY = "sk-test-client-5f1c9a";
    private static final ChatRequest HELLO = new ChatRequest("Translate into German.", "Hello, world.");

    private FakeProvider server;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final EventBus bus = new EventBus();
    private EndpointBreakers breakers;

    @BeforeEach
    void start() throws Exception {
        server = FakeProvider.start();
        bus.subscribe(events::add);
        breakers = new EndpointBreakers(bus, 5, Duration.ofMillis(400));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProviderClient client(int retries, int rpm, int concurrency, Duration timeout) {
        ProviderSettings settings = new ProviderSettings("fake-model", "German", 0.1, 4096, 512,
                new ProviderSettings.Endpoint(URI.create(server.url()), Secret.of(KEY, "test"), rpm, concurrency,
                        timeout, false));
        return new ProviderClient(settings, new ResilienceSettings.Retry(retries, Duration.ofMillis(10),
                Duration.ofMillis(40)), breakers.forEndpoint(LanguageModel.ENDPOINT, ProviderClient::countsAsFailure),
                bus, Clock.systemUTC(), 1);
    }

    private ProviderClient client(int retries) {
        return client(retries, 0, 4, Duration.ofSeconds(5));
    }

    private static Call call(int chunk) {
        return new Call("doc.pdf", "translated", chunk);
    }

    private List<Event.ProviderRequest> requestEvents() {
        return events.stream().filter(Event.ProviderRequest.class::isInstance).map(Event.ProviderRequest.class::cast)
                .toList();
    }

    /** {@code calls} requests from {@code threads} threads at once; returns when all are answered. */
    private static void callTogether(ProviderClient client, int calls, int threads) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Completion>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int chunk = i;
                futures.add(callers.submit(() -> client.complete(HELLO, call(chunk))));
            }
            for (Future<Completion> f : futures) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theRequestAndTheAnswerFollowTheWireFormat() throws Exception {
        server.then(answer(r -> "<think>first, the greeting</think>\n```markdown\nHallo, Welt.\n```"));
        Completion c = client(0).complete(HELLO, call(0));

        assertThat(c.content()).isEqualTo("Hallo, Welt.");
        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.promptTokens()).isPositive();
        assertThat(c.completionTokens()).isPositive();
        FakeProvider.Received r = server.requests().get(0);
        assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(r.model()).isEqualTo("fake-model");
        assertThat(r.system()).isEqualTo(HELLO.system());
        assertThat(r.user()).isEqualTo(HELLO.user());
        assertThat(r.body().path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(r.body().path("max_tokens").asInt()).isEqualTo(512);
        assertThat(r.body().path("stream").asBoolean(true)).isFalse();
        assertThat(requestEvents()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.model()).isEqualTo("fake-model");
            assertThat(e.promptTokens()).isEqualTo(c.promptTokens());
        });
    }

    @Test
    void serverErrorsAreRetriedUntilTheModelAnswers() throws Exception {
        server.then(status(500, "overloaded"), status(502, "bad gateway"));
        Completion c = client(3).complete(HELLO, call(0));

        assertThat(c.content()).isEqualTo("[T] Hello, world.");
        assertThat(server.count()).isEqualTo(3);
        assertThat(requestEvents()).extracting(Event.ProviderRequest::outcome)
                .containsExactly("server-error", "server-error", "ok");
        assertThat(requestEvents()).extracting(Event.ProviderRequest::attempt).containsExactly(1, 2, 3);
        assertThat(events).filteredOn(Event.RetryScheduled.class::isInstance).hasSize(2)
                .allSatisfy(e -> assertThat(((Event.RetryScheduled) e).reason()).startsWith("provider-error: "));
    }

    @Test
    void retriesStopAtTheLimitAndTheReasonSaysWhatHappened() {
        server.otherwise(status(503, "the model is loading"));
        assertThatThrownBy(() -> client(2).complete(HELLO, call(0)))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("answered HTTP 503: the model is loading")
                .hasMessageContaining("(3 attempts)");
        assertThat(server.count()).isEqualTo(3);
    }

    @Test
    void aRejectedRequestIsNotRetried() {
        server.otherwise(status(404, "model 'fake-model' not found"));
        assertThatThrownBy(() -> client(3).complete(HELLO, call(0)))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("--provider-model");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void retryAfterInSecondsIsWaitedForEvenWhenTheBackoffIsShorter() throws Exception {
        server.then(rateLimited("1"));
        Completion c = client(2).complete(HELLO, call(0));

        assertThat(c.content()).isEqualTo("[T] Hello, world.");
        List<FakeProvider.Received> requests = server.requests();
        assertThat(requests).hasSize(2);
        long gapMillis = (requests.get(1).atNanos() - requests.get(0).atNanos()) / 1_000_000;
        assertThat(gapMillis).as("the backoff is 10 ms; Retry-After said 1 s").isGreaterThanOrEqualTo(1000);
        assertThat(requestEvents().get(0).outcome()).isEqualTo("rate-limited");
        assertThat(events).filteredOn(Event.RetryScheduled.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Event.RetryScheduled) e).delay()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aRetryAfterLongerThanTheToolWaitsFailsTheRequestAtOnce() {
        server.otherwise(rateLimited("86400"));
        assertThatThrownBy(() -> client(3).complete(HELLO, call(0)))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("asked to wait 86400 s");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void aStalledAnswerTimesOutAndIsRetried() throws Exception {
        server.then(stall(Duration.ofSeconds(5)));
        Completion c = client(2, 0, 4, Duration.ofMillis(300)).complete(HELLO, call(0));

        assertThat(c.content()).isEqualTo("[T] Hello, world.");
        assertThat(server.count()).isEqualTo(2);
        assertThat(requestEvents()).extracting(Event.ProviderRequest::outcome).containsExactly("timeout", "ok");
    }

    @Test
    void aClosedConnectionIsRetried() throws Exception {
        server.then(closeConnection(), closeConnection());
        Completion c = client(3).complete(HELLO, call(0));

        assertThat(c.content()).isEqualTo("[T] Hello, world.");
        assertThat(server.count()).isEqualTo(3);
        assertThat(requestEvents()).extracting(Event.ProviderRequest::outcome)
                .containsExactly("connection-error", "connection-error", "ok");
    }

    @Test
    void aServerThatIsNotThereIsAConnectionError() {
        int port = URI.create(server.url()).getPort();
        server.close();
        ProviderSettings settings = new ProviderSettings("m", "German", 0.1, 4096, 512, new ProviderSettings.Endpoint(
                URI.create("http://127.0.0.1:" + port + "/v1"), null, 0, 2, Duration.ofSeconds(2), false));
        ProviderClient gone = new ProviderClient(settings, new ResilienceSettings.Retry(1, Duration.ofMillis(5),
                Duration.ofMillis(5)), breakers.forEndpoint("provider", ProviderClient::countsAsFailure), bus,
                Clock.systemUTC(), 1);
        assertThatThrownBy(() -> gone.complete(HELLO, call(0)))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("connection refused")
                .hasMessageContaining("(2 attempts)");
    }

    @Test
    void theBreakerOpensAfterFiveFailuresThenCallsFailWithoutRequestsUntilItHalfOpens() throws Exception {
        server.otherwise(status(500, "down"));
        ProviderClient client = client(10);
        assertThatThrownBy(() -> client.complete(HELLO, call(0)))
                .isInstanceOf(ProviderUnavailable.class).hasMessageContaining("circuit breaker is open");
        assertThat(server.count()).as("5 failures open the breaker; the 6th attempt is refused").isEqualTo(5);
        assertThat(events).filteredOn(Event.CircuitOpened.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Event.CircuitOpened) e).name()).isEqualTo("provider"));
        assertThat(breakers.states()).containsEntry("provider", 2);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.complete(HELLO, call(1))).isInstanceOf(ProviderUnavailable.class);
        }
        assertThat(server.count()).as("nothing reaches the server while the breaker is open").isEqualTo(5);

        server.reset();
        Thread.sleep(450); // the breaker of this test opens for 400 ms
        assertThat(client.complete(HELLO, call(2)).content()).isEqualTo("[T] Hello, world.");
        assertThat(server.count()).isEqualTo(6);
        assertThat(breakers.states()).containsEntry("provider", 0);
        assertThat(events).filteredOn(Event.CircuitClosed.class::isInstance).hasSize(1);
    }

    @Test
    void callsAbandonedBecauseTheirDocumentTimedOutDoNotOpenTheBreaker() throws Exception {
        server.otherwise(stall(Duration.ofSeconds(10)));
        ProviderClient client = client(0);
        for (int i = 0; i < 6; i++) {
            int chunk = i;
            Thread caller = new Thread(() -> {
                try {
                    client.complete(HELLO, call(chunk));
                } catch (ProviderUnavailable | java.util.concurrent.CancellationException e) {
                    // the interrupt ends it
                }
            });
            caller.start();
            while (server.count() <= i) {
                Thread.sleep(5);
            }
            caller.interrupt();
            caller.join(5000);
            assertThat(caller.isAlive()).isFalse();
        }
        assertThat(breakers.states()).containsEntry("provider", 0);
        server.reset();
        assertThat(client.complete(HELLO, call(9)).content()).isEqualTo("[T] Hello, world.");
    }

    @Test
    void theRateLimitHoldsInEveryWindow() throws Exception {
        int rpm = 600; // one request every 100 ms
        callTogether(client(0, rpm, 4, Duration.ofSeconds(5)), 16, 4);
        List<Long> times = server.requests().stream().map(FakeProvider.Received::atNanos).sorted().toList();
        assertThat(times).hasSize(16);
        long window = 1_000_000_000L;
        int allowed = rpm / 60 + 1; // a closed window can hold one permit at each end
        for (int i = 0; i < times.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < times.size() && times.get(j) - times.get(i) < window; j++) {
                inWindow++;
            }
            assertThat(inWindow).as("requests in the 1 s after request %d", i).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void theBulkheadBoundsRequestsInFlight() throws Exception {
        server.otherwise(FakeProvider.slow(Duration.ofMillis(300)));
        callTogether(client(0, 0, 2, Duration.ofSeconds(5)), 6, 6);
        assertThat(server.count()).isEqualTo(6);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }

    @Test
    void aKeyEchoedByTheServerIsMaskedInTheReason() {
        server.otherwise(status(401, "Incorrect API key provided: " + KEY));
        assertThatThrownBy(() -> client(2).complete(HELLO, call(0)))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("Incorrect API key provided: ****")
                .hasMessageContaining("--provider-key-file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(server.count()).as("a refused key is not retried").isEqualTo(1);
    }

    @Test
    void aBaseUrlGetsTheChatCompletionsPath() {
        assertThat(ProviderClient.chatUrl(URI.create("http://localhost:8080/v1/")))
                .hasToString("http://localhost:8080/v1/chat/completions");
        assertThat(ProviderClient.chatUrl(URI.create("http://localhost:8080/v1/chat/completions")))
                .hasToString("http://localhost:8080/v1/chat/completions");
    }

    @Test
    void theBackoffDoublesWithJitterAndRespectsItsBounds() {
        ResilienceSettings.Retry retry = new ResilienceSettings.Retry(5, Duration.ofMillis(100), Duration.ofMillis(400));
        for (int i = 0; i < 50; i++) {
            assertThat(ProviderClient.delay(null, 1, retry).toMillis()).isBetween(75L, 125L);
            assertThat(ProviderClient.delay(null, 2, retry).toMillis()).isBetween(150L, 250L);
            assertThat(ProviderClient.delay(null, 6, retry).toMillis()).isBetween(300L, 500L);
        }
    }
}
