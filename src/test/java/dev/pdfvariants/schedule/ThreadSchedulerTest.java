package dev.pdfvariants.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;

class ThreadSchedulerTest {

    private static DocumentResult result(String path, Status status, Failure failure) {
        return new DocumentResult(path, path, status, 0, null, null, 0, failure, List.of(), null);
    }

    private static Scheduler.Job job(String path, Function<Cancellation, DocumentResult> body) {
        return new Scheduler.Job() {
            @Override
            public DocumentResult run(Cancellation cancellation) {
                return body.apply(cancellation);
            }

            @Override
            public DocumentResult timedOut(Duration limit) {
                return result(path, Status.FAILED, new Failure("timeout", "timed out", null));
            }

            @Override
            public DocumentResult crashed(Throwable error) {
                return result(path, Status.FAILED, new Failure("internal-error", error.toString(), null));
            }
        };
    }

    @Test
    void aHungDocumentTimesOutAndItsWorkerSlotGoesToTheNextDocument() throws InterruptedException {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        CountDownLatch never = new CountDownLatch(1);
        try (ThreadScheduler scheduler = new ThreadScheduler(1, Duration.ofMillis(300))) {
            scheduler.submit(new SourceFile(Path.of("hang.pdf"), "hang.pdf"), job("hang.pdf", c -> {
                while (true) {
                    // ignores interruption, like a parser stuck in a loop
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        // keep hanging
                    }
                    if (never.getCount() == 0) {
                        return result("hang.pdf", Status.SUCCEEDED, null);
                    }
                }
            }), r -> results.put(r.path(), r));
            scheduler.submit(new SourceFile(Path.of("ok.pdf"), "ok.pdf"),
                    job("ok.pdf", c -> result("ok.pdf", Status.SUCCEEDED, null)), r -> results.put(r.path(), r));
            scheduler.awaitCompletion();

            assertThat(results.get("hang.pdf").error().kind()).isEqualTo("timeout");
            assertThat(results.get("ok.pdf").status()).isEqualTo(Status.SUCCEEDED);
            assertThat(scheduler.abandonedThreads()).isEqualTo(1);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTimedOutDocumentIsCancelledSoItCannotPublishLateResults() throws InterruptedException {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        AtomicInteger sawCancellation = new AtomicInteger();
        CountDownLatch workerSawIt = new CountDownLatch(1);
        try (ThreadScheduler scheduler = new ThreadScheduler(2, Duration.ofMillis(200))) {
            scheduler.submit(new SourceFile(Path.of("slow.pdf"), "slow.pdf"), job("slow.pdf", c -> {
                while (!c.isCancelled()) {
                    Thread.onSpinWait();
                }
                sawCancellation.incrementAndGet();
                workerSawIt.countDown();
                return result("slow.pdf", Status.SUCCEEDED, null);
            }), r -> results.merge(r.path(), r, (a, b) -> {
                throw new AssertionError("reported twice");
            }));
            scheduler.awaitCompletion();
            // the result is reported when the timeout fires; the worker notices its cancellation afterwards
            assertThat(workerSawIt.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(results.get("slow.pdf").status()).isEqualTo(Status.FAILED);
        assertThat(sawCancellation.get()).isEqualTo(1);
    }

    @Test
    void neverRunsMoreDocumentsAtOnceThanItHasWorkers() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (ThreadScheduler scheduler = new ThreadScheduler(3, Duration.ofSeconds(30))) {
            for (int i = 0; i < 30; i++) {
                String path = i + ".pdf";
                scheduler.submit(new SourceFile(Path.of(path), path), job(path, c -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return result(path, Status.SUCCEEDED, null);
                }), r -> { });
            }
            scheduler.awaitCompletion();
        }
        assertThat(peak.get()).isBetween(2, 3);
    }

    @Test
    void aJobThatThrowsIsRecordedAsCrashedAndTheBatchGoesOn() throws InterruptedException {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        try (ThreadScheduler scheduler = new ThreadScheduler(1, Duration.ofSeconds(30))) {
            scheduler.submit(new SourceFile(Path.of("bug.pdf"), "bug.pdf"), job("bug.pdf", c -> {
                throw new IllegalStateException("boom");
            }), r -> results.put(r.path(), r));
            scheduler.awaitCompletion();
        }
        assertThat(results.get("bug.pdf").error().kind()).isEqualTo("internal-error");
    }

    @Test
    void afterStopAcceptingAWaitingSubmissionReturnsWithoutRunningItsJob() throws Exception {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger secondRan = new AtomicInteger();
        try (ThreadScheduler scheduler = new ThreadScheduler(1, Duration.ofSeconds(30))) {
            scheduler.submit(new SourceFile(Path.of("first.pdf"), "first.pdf"), job("first.pdf", c -> {
                awaitQuietly(release, 10_000);
                return result("first.pdf", Status.SUCCEEDED, null);
            }), r -> results.put(r.path(), r));
            Thread submitter = new Thread(() -> {
                try {
                    scheduler.submit(new SourceFile(Path.of("second.pdf"), "second.pdf"), job("second.pdf", c -> {
                        secondRan.incrementAndGet();
                        return result("second.pdf", Status.SUCCEEDED, null);
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
        assertThat(secondRan).hasValue(0);
    }

    @Test
    void abandonedJobsAreCancelledNeverReportedAndFreeTheirWorkers() throws Exception {
        Map<String, DocumentResult> results = new ConcurrentHashMap<>();
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        AtomicInteger sawCancellation = new AtomicInteger();
        try (ThreadScheduler scheduler = new ThreadScheduler(2, Duration.ofSeconds(60))) {
            for (String path : List.of("a.pdf", "b.pdf")) {
                scheduler.submit(new SourceFile(Path.of(path), path), job(path, c -> {
                    started.countDown();
                    while (!c.isCancelled()) {
                        awaitQuietly(never, 10);
                    }
                    sawCancellation.incrementAndGet();
                    return result(path, Status.SUCCEEDED, null);
                }), r -> results.put(r.path(), r));
            }
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("both jobs running").isTrue();
            assertThat(scheduler.awaitCompletion(Duration.ofMillis(200))).isFalse();
            assertThat(scheduler.abandonRunning("shutting down")).isEqualTo(2);
            assertThat(scheduler.awaitCompletion(Duration.ofSeconds(5))).isTrue();
            Thread.sleep(100);
        }
        assertThat(results).isEmpty();
        assertThat(sawCancellation.get()).isPositive();
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
