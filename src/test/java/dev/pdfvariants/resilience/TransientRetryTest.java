package dev.pdfvariants.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.OutputFile;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;

class TransientRetryTest {
    private final List<Event.RetryScheduled> retries = new ArrayList<>();
    private final EventBus bus = new EventBus().subscribe(e -> {
        if (e instanceof Event.RetryScheduled r) {
            retries.add(r);
        }
    });

    private TransientRetry retry(int times) {
        return new TransientRetry(new ResilienceSettings.Retry(times, Duration.ofMillis(10), Duration.ofMillis(80)), bus);
    }

    private static VariantResult failed(FailureKind kind) {
        return VariantResult.failed("text", 1, Failure.of(kind, "simulated " + kind.id()));
    }

    private static VariantResult ok() {
        return VariantResult.succeeded("text", 1, List.of(new OutputFile("a/text.txt", 1, "00")));
    }

    @Test
    void aTransientFailureIsRetriedUntilItSucceedsAndEachRetryIsPublished() {
        AtomicInteger attempts = new AtomicInteger();
        VariantResult result = retry(3).variant("a.pdf", "text",
                () -> attempts.incrementAndGet() < 3 ? failed(FailureKind.IO_ERROR) : ok());

        assertThat(result.status().id()).isEqualTo("succeeded");
        assertThat(attempts).hasValue(3);
        assertThat(retries).hasSize(2);
        assertThat(retries.get(0).path()).isEqualTo("a.pdf");
        assertThat(retries.get(0).what()).isEqualTo("variant text");
        assertThat(retries.get(0).attempt()).isEqualTo(1);
        assertThat(retries.get(1).attempt()).isEqualTo(2);
        assertThat(retries.get(0).reason()).isEqualTo("io-error: simulated io-error");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndStopsAtTheLongestDelay() {
        retry(5).variant("a.pdf", "text", () -> failed(FailureKind.PROVIDER_ERROR));

        assertThat(retries).hasSize(5);
        // 10, 20, 40, 80, 80 ms, each varied by at most 25 %
        long[] nominal = {10, 20, 40, 80, 80};
        for (int i = 0; i < nominal.length; i++) {
            assertThat(retries.get(i).delay().toNanos()).as("delay of retry %d", i + 1)
                    .isBetween((long) (nominal[i] * 0.75e6), (long) (nominal[i] * 1.25e6));
        }
    }

    @Test
    void permanentFailuresAreReturnedAtOnce() {
        for (FailureKind kind : List.of(FailureKind.CORRUPT, FailureKind.NOT_A_PDF, FailureKind.WRONG_PASSWORD,
                FailureKind.LIMIT_EXCEEDED, FailureKind.TIMEOUT)) {
            AtomicInteger attempts = new AtomicInteger();
            VariantResult result = retry(3).variant("a.pdf", "text", () -> {
                attempts.incrementAndGet();
                return failed(kind);
            });
            assertThat(result.error().kind()).isEqualTo(kind.id());
            assertThat(attempts).as(kind.id()).hasValue(1);
        }
        assertThat(retries).isEmpty();
    }

    @Test
    void givesTheLastFailureBackWhenRetriesRunOut() {
        AtomicInteger attempts = new AtomicInteger();
        VariantResult result = retry(2).variant("a.pdf", "text", () -> {
            attempts.incrementAndGet();
            return failed(FailureKind.IO_ERROR);
        });
        assertThat(attempts).hasValue(3);
        assertThat(result.error().kind()).isEqualTo("io-error");
    }

    @Test
    void anExceptionIsABugAndIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry(3).variant("a.pdf", "text", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        retry(0).variant("a.pdf", "text", () -> {
            attempts.incrementAndGet();
            return failed(FailureKind.IO_ERROR);
        });
        assertThat(attempts).hasValue(1);
        assertThat(retries).isEmpty();
    }
}
