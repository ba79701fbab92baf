package dev.pdfvariants.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;

class EndpointBreakersTest {

    @Test
    void opensAfterFiveConsecutiveFailuresPublishesItAndThenFailsFast() {
        List<Event> events = new ArrayList<>();
        EventBus bus = new EventBus().subscribe(events::add);
        EndpointBreakers breakers = new EndpointBreakers(bus);
        CircuitBreaker<Object> breaker = breakers.forEndpoint("pushgateway");
        int[] calls = {0};

        for (int i = 0; i < 7; i++) {
            try {
                Failsafe.with(breaker).run(() -> {
                    calls[0]++;
                    throw new java.io.IOException("connection refused");
                });
            } catch (CircuitBreakerOpenException e) {
                // expected once open
            } catch (dev.failsafe.FailsafeException e) {
                // the endpoint's own failure
            }
        }

        assertThat(calls[0]).isEqualTo(5);
        assertThat(events).filteredOn(e -> e instanceof Event.CircuitOpened).hasSize(1);
        assertThat(breakers.states()).containsEntry("pushgateway", 2);
        assertThat(breakers.forEndpoint("pushgateway")).isSameAs(breaker);
    }

    @Test
    void closesAgainWhenTheTrialCallSucceeds() throws InterruptedException {
        List<Event> events = new ArrayList<>();
        EndpointBreakers breakers = new EndpointBreakers(new EventBus().subscribe(events::add), 2, Duration.ofMillis(50));
        CircuitBreaker<Object> breaker = breakers.forEndpoint("otlp");
        breaker.recordFailure();
        breaker.recordFailure();
        assertThat(breakers.states()).containsEntry("otlp", 2);
        Thread.sleep(80);
        Failsafe.with(breaker).run(() -> { });
        assertThat(breakers.states()).containsEntry("otlp", 0);
        assertThat(events).filteredOn(e -> e instanceof Event.CircuitClosed).hasSize(1);
    }
}
