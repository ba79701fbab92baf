package dev.pdfvariants.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;

/** The clean-stop side of the pool: no new jobs after a stop, and giving up on running ones. */
class ThreadSchedulerStopTest {

    private static DocumentResult ok(String path) {
        return new DocumentResult(path, path, Status.SUCCEEDED, 0, null, null, 0, null, List.of(), null);
    }

    private static Scheduler.Job job(String path, Function<Cancellation, DocumentResult> body) {
        return new Scheduler.Job() {
            @Override
            public DocumentResult run(Cancellation cancellation) {
                return body.apply(cancellation);
            }

            @Override
            public DocumentResult timedOut(Duration limit) {
                return new DocumentResult(path, path, Status.FAILED, 0, null, null, 0,
                        new Failure("timeout", "timed out", null), List.of(), null);
            }

            @Override
            public DocumentResult crashed(Throwable error) {
                throw new AssertionError(error);
            }
        };
    }

    private static SourceFile source(String path) {
        return new SourceFile(Path.of(path), path);
    }

    @Test
    void afterStopAcceptingAWaitingSubmissionReturnsWithoutRunningItsJob() throws Exception {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        try (ThreadScheduler scheduler = new ThreadScheduler(1, Duration.ofSeconds(30))) {
            scheduler.submit(source("first.pdf"), job("first.pdf", c -> {
                await(release);
                return ok("first.pdf");
            }), r -> results.put(r.path(), r));
            Thread submitter = new Thread(() -> {
                try {
                    scheduler.submit(source("second.pdf"), job("second.pdf", c -> {
                        secondRan.set(true);
                        return ok("second.pdf");
                    }), r -> results.put(r.path(), r));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            submitter.start();
            Thread.sleep(150); // the submitter now waits for the only worker
            scheduler.stopAccepting();
            submitter.join(5_000);
            assertThat(submitter.isAlive()).as("the waiting submission returned").isFalse();
            release.countDown();
            assertThat(scheduler.awaitCompletion(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(results).containsOnlyKeys("first.pdf");
        assertThat(secondRan).isFalse();
    }

    @Test
    void abandonedJobsAreCancelledNeverReportedAndFreeTheirWorkers() throws Exception {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean sawCancellation = new AtomicBoolean();
        try (ThreadScheduler scheduler = new ThreadScheduler(2, Duration.ofSeconds(60))) {
            for (String path : List.of("a.pdf", "b.pdf")) {
                scheduler.submit(source(path), job(path, c -> {
                    while (!c.isCancelled()) {
                        await(never, 10);
                    }
                    sawCancellation.set(true);
                    return ok(path);
                }), r -> results.put(r.path(), r));
            }
            assertThat(scheduler.awaitCompletion(Duration.ofMillis(200))).isFalse();
            assertThat(scheduler.abandonRunning("shutting down")).isEqualTo(2);
            assertThat(scheduler.awaitCompletion(Duration.ofSeconds(5))).isTrue();
            Thread.sleep(100);
        }
        assertThat(results).isEmpty();
        assertThat(sawCancellation).isTrue();
    }

    private static void await(CountDownLatch latch) {
        await(latch, 10_000);
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
