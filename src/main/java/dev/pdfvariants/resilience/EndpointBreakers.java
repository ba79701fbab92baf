package dev.pdfvariants.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.failsafe.CircuitBreaker;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;

/**
 * One circuit breaker per external endpoint (Pushgateway, OTLP collector, language-model
 * provider), built once per run. A breaker opens after {@code failureThreshold} consecutive
 * failures and lets one trial call through after {@code openFor}; while it is open, calls fail at
 * once and the caller's fallback keeps the batch going. Every state change is logged and
 * published as {@code circuit.opened} / {@code circuit.closed}; {@link #states()} feeds the
 * {@code pdfvariants_circuit_breaker_state} metric.
 */
public final class EndpointBreakers {
    /** The defaults: open after 5 consecutive failures, try again after 60 s. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(EndpointBreakers.class);

    private final EventBus bus;
    private final int failureThreshold;
    private final Duration openFor;
    private final Map<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();
    private final java.util.Set<String> reportedByCaller = ConcurrentHashMap.newKeySet();

    public EndpointBreakers(EventBus bus, int failureThreshold, Duration openFor) {
        this.bus = bus;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
    }

    public EndpointBreakers(EventBus bus) {
        this(bus, DEFAULT_FAILURE_THRESHOLD, DEFAULT_OPEN_FOR);
    }

    /** The breaker guarding {@code endpoint} (e.g. {@code pushgateway}), created on first use. */
    public <R> CircuitBreaker<R> forEndpoint(String endpoint) {
        return forEndpoint(endpoint, failure -> true);
    }

    /**
     * The breaker guarding {@code endpoint}, counting only the exceptions {@code counted} accepts
     * as failures of the endpoint (not, say, a call abandoned because its document timed out).
     * The predicate of the first call for an endpoint is the one its breaker keeps.
     */
    @SuppressWarnings("unchecked")
    public <R> CircuitBreaker<R> forEndpoint(String endpoint, Predicate<Throwable> counted) {
        return (CircuitBreaker<R>) (CircuitBreaker<?>) breakers.computeIfAbsent(endpoint, e -> create(e, counted));
    }

    /**
     * The breaker of an endpoint whose caller warns about its failures itself (the Pushgateway and
     * OTLP guards warn once per run): its opening is logged at info level, not as a second warning.
     */
    public <R> CircuitBreaker<R> forQuietEndpoint(String endpoint) {
        reportedByCaller.add(endpoint);
        return forEndpoint(endpoint);
    }

    private CircuitBreaker<Object> create(String endpoint, Predicate<Throwable> counted) {
        return CircuitBreaker.builder()
                .handleIf((result, failure) -> failure != null && counted.test(failure))
                .withFailureThreshold(failureThreshold)
                .withDelay(openFor)
                .onOpen(e -> {
                    String message = "circuit breaker '{}' opened after {} consecutive failures; calls are skipped for {} s";
                    if (reportedByCaller.contains(endpoint)) {
                        LOG.info(message, endpoint, failureThreshold, openFor.toSeconds());
                    } else {
                        LOG.warn(message, endpoint, failureThreshold, openFor.toSeconds());
                    }
                    bus.publish(new Event.CircuitOpened(endpoint, failureThreshold + " consecutive failures"));
                })
                .onHalfOpen(e -> LOG.info("circuit breaker '{}' half-open: trying one call", endpoint))
                .onClose(e -> {
                    LOG.info("circuit breaker '{}' closed: the endpoint answers again", endpoint);
                    bus.publish(new Event.CircuitClosed(endpoint));
                })
                .build();
    }

    /** State per endpoint: 0 closed, 1 half-open, 2 open (the metric's encoding). */
    public Map<String, Integer> states() {
        Map<String, Integer> states = new TreeMap<>();
        breakers.forEach((name, breaker) -> states.put(name, switch (breaker.getState()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        }));
        return states;
    }
}
