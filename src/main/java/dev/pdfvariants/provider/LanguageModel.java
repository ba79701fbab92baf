package dev.pdfvariants.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.failsafe.CircuitBreaker;
import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.telemetry.Instrumentation;
import dev.pdfvariants.telemetry.Redaction;

/**
 * The language model of a run, shared by every document and variant that needs one: the
 * {@link ProviderClient} with its policies, where answers are kept ({@link ChunkStore}), and a
 * small pool of threads so that one document's chunks are asked in parallel (at most
 * {@code --provider-concurrency} at a time per document; the client's bulkhead bounds the run).
 * Built once per run (and once per worker process) when {@code --provider-url} is given.
 */
public final class LanguageModel {
    /** The name of the provider's circuit breaker (the {@code name} label of its state metric). */
    public static final String ENDPOINT = "provider";

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ProviderSettings settings;
    private final ProviderClient client;
    private final OutputLayout layout;
    private final ExecutorService pool;

    LanguageModel(ProviderSettings settings, ProviderClient client, OutputLayout layout) {
        this.settings = settings;
        this.client = client;
        this.layout = layout;
        ThreadPoolExecutor threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread t = new Thread(task, "pdfvariants-provider-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool = threads;
    }

    /**
     * The run's language model, or null when no provider is configured.
     *
     * @param breaker the run's {@value #ENDPOINT} circuit breaker, counting {@link ProviderClient#countsAsFailure}
     * @param share   processes sharing the rate and concurrency limits (the worker processes of
     *                {@code --isolation process}), else 1
     */
    public static LanguageModel forRun(ProviderSettings settings, ResilienceSettings.Retry retry,
            CircuitBreaker<Completion> breaker, OutputLayout layout, EventBus bus, int share) {
        if (!settings.configured()) {
            return null;
        }
        Redaction.register(settings.endpoint().key());
        return new LanguageModel(settings, new ProviderClient(settings, retry, breaker, bus, Clock.systemUTC(), share),
                layout);
    }

    public ProviderSettings settings() {
        return settings;
    }

    /** Where the answers of {@code variant} for the document at {@code documentKey} (its output directory's name) are kept. */
    public ChunkStore chunks(String documentKey, String variant) {
        Path dir = layout.runDir().resolve(ENDPOINT).resolve(documentKey).resolve(variant);
        return new ChunkStore(layout.root(), dir);
    }

    /**
     * The answers to {@code requests}, in their order: those already in {@code store} are read,
     * the others asked (several at once) and each stored as soon as it arrives. A chunk that cannot
     * be answered does not stop the others.
     *
     * @param promptVersion the version of the instructions, part of every answer's key
     * @param keys          receives the key of every request (for {@link ChunkStore#keepOnly})
     * @throws ProviderUnavailable  a request could not be answered; the answers that arrived are stored
     * @throws IOException          an answer could not be stored
     * @throws CancellationException the document was cancelled (timed out) or the run stops
     */
    public List<Completion> answer(String path, String variant, int promptVersion, List<ChatRequest> requests,
            ChunkStore store, Set<String> keys) throws ProviderUnavailable, IOException {
        int n = requests.size();
        Completion[] answers = new Completion[n];
        String[] requestKeys = new String[n];
        Deque<Integer> missing = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            requestKeys[i] = ChunkStore.key(requests.get(i), settings.model(), settings.temperature(),
                    settings.maxTokens(), promptVersion);
            keys.add(requestKeys[i]);
            answers[i] = store.read(requestKeys[i]);
            if (answers[i] == null) {
                missing.add(i);
            }
        }
        int window = settings.endpoint().concurrency();
        Map<Integer, Future<Completion>> inFlight = new HashMap<>();
        LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        ProviderUnavailable firstFailure = null;
        IOException storeFailure = null;
        try {
            while (!missing.isEmpty() || !inFlight.isEmpty()) {
                // after a failure the other chunks are still asked: each answer is kept for the next run, and
                // when the provider is down its breaker soon makes the rest fail at once
                while (storeFailure == null && !missing.isEmpty() && inFlight.size() < window) {
                    int i = missing.poll();
                    Supplier<Completion> task = Instrumentation.carry(() -> askAndStore(requests.get(i),
                            new Call(path, variant, i), store, requestKeys[i]));
                    inFlight.put(i, pool.submit(() -> {
                        try {
                            return task.get();
                        } finally {
                            finished.add(i);
                        }
                    }));
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                int done = finished.take();
                try {
                    answers[done] = inFlight.remove(done).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Unavailable u) {
                        firstFailure = firstFailure != null ? firstFailure : u.reason;
                    } else if (cause instanceof UncheckedIOException io) {
                        storeFailure = storeFailure != null ? storeFailure : io.getCause();
                    } else if (cause instanceof RuntimeException r) {
                        throw r; // interrupted (CancellationException), or a bug
                    } else if (cause instanceof Error err) {
                        throw err;
                    } else {
                        throw new IllegalStateException(cause);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the provider");
        } finally {
            inFlight.values().forEach(f -> f.cancel(true));
        }
        if (storeFailure != null) {
            throw storeFailure;
        }
        if (firstFailure != null) {
            int done = 0;
            for (Completion c : answers) {
                done += c != null ? 1 : 0;
            }
            throw firstFailure.counting(done, n);
        }
        return List.of(answers);
    }

    private Completion askAndStore(ChatRequest request, Call call, ChunkStore store, String key) {
        Completion answer;
        try {
            answer = client.complete(request, call);
        } catch (ProviderUnavailable e) {
            throw new Unavailable(e);
        }
        try {
            store.write(key, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }

    /** Carries a {@link ProviderUnavailable} out of a pool thread. */
    private static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ProviderUnavailable reason;

        Unavailable(ProviderUnavailable reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }
}
