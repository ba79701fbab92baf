package dev.pdfvariants.isolation;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.event.Event;

/**
 * The parent's handle on one worker process: starts it, sends it one document at a time, relays
 * the events it publishes, and waits for its result no longer than the time limit. Its stdout is
 * read by a thread of its own (so waiting can time out), its stderr is passed to the debug log,
 * and the last lines of it are kept to explain a crash.
 */
final class WorkerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
    private static final Object EOF = new Object();
    private static final int LAST_WORDS = 20;

    /** How processing one document in a worker ended. */
    sealed interface Outcome {
        record Completed(DocumentResult result) implements Outcome {
        }

        record TimedOut() implements Outcome {
        }

        record Cancelled() implements Outcome {
        }

        /** The worker ended: {@code exitCode} from the JVM, {@code lastWords} from its stderr. */
        record Died(int exitCode, String lastWords) implements Outcome {
        }
    }

    /** The worker could not be started or did not become ready. */
    static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Process process;
    private final Writer toWorker;
    private final BlockingQueue<Object> fromWorker = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrPump;
    private int documents;

    private WorkerProcess(Process process) {
        this.process = process;
        this.toWorker = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        daemon("pdfvariants-worker-" + process.pid() + "-out", this::readStdout).start();
        this.stderrPump = daemon("pdfvariants-worker-" + process.pid() + "-err", this::readStderr);
        stderrPump.start();
    }

    /** Starts a worker and waits (at most {@code startTimeout}) until it has read its configuration. */
    static WorkerProcess start(WorkerLaunch launch, Duration startTimeout) throws StartFailure {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        WorkerProcess worker;
        try {
            worker = new WorkerProcess(builder.start());
        } catch (IOException e) {
            throw new StartFailure("cannot start a worker process: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try {
            while (true) {
                Object message = worker.fromWorker.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (message == null) {
                    worker.kill();
                    throw new StartFailure("a worker process did not start within " + startTimeout.toSeconds() + " s", null);
                }
                if (message == EOF) {
                    int code = worker.exitCode();
                    throw new StartFailure("a worker process exited with code " + code + " before it was ready"
                            + worker.lastWords(), null);
                }
                if (message instanceof WorkerProtocol.Message m && WorkerProtocol.READY.equals(m.type())) {
                    LOG.debug("worker process {} ready", worker.pid());
                    return worker;
                }
            }
        } catch (InterruptedException e) {
            worker.kill();
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while starting a worker process", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Documents this worker has been given. */
    int documents() {
        return documents;
    }

    /**
     * Sends one document and waits for its result, at most {@code timeout}, relaying its events.
     * On a time-out or cancellation the worker is killed; after any outcome but
     * {@link Outcome.Completed} it must not be used again.
     */
    Outcome process(SourceFile source, Duration timeout, Cancellation cancellation, Consumer<Event> events) {
        documents++;
        try {
            toWorker.write(WorkerProtocol.encode(new WorkerProtocol.Request(source.path().toAbsolutePath().toString(),
                    source.relativePath())));
            toWorker.write('\n');
            toWorker.flush();
        } catch (IOException e) {
            return died();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    kill();
                    return new Outcome.TimedOut();
                }
                if (cancellation.isCancelled()) {
                    kill();
                    return new Outcome.Cancelled();
                }
                Object message = fromWorker.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                if (message == null) {
                    continue;
                }
                if (message == EOF) {
                    return died();
                }
                WorkerProtocol.Message m = (WorkerProtocol.Message) message;
                if (WorkerProtocol.RESULT.equals(m.type())) {
                    return new Outcome.Completed(WorkerProtocol.decodeResult(m));
                }
                if (WorkerProtocol.EVENT.equals(m.type())) {
                    Event event = WorkerProtocol.decodeEvent(m);
                    if (event != null) {
                        events.accept(event);
                    }
                }
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            return new Outcome.Cancelled();
        } catch (IOException | RuntimeException e) {
            LOG.warn("unreadable answer from worker process {}: {}", pid(), e.toString());
            kill();
            return new Outcome.Died(-1, " (it sent an unreadable answer)");
        }
    }

    private Outcome died() {
        return new Outcome.Died(exitCode(), lastWords());
    }

    /** Asks the worker to exit (closing its stdin); kills it if it has not within a few seconds. */
    void close() {
        try {
            toWorker.close();
        } catch (IOException ignored) {
            // it is going away anyway
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the worker (and anything it started) at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    boolean alive() {
        return process.isAlive();
    }

    private int exitCode() {
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return -1;
    }

    private String lastWords() {
        try {
            stderrPump.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> lines;
        synchronized (stderrTail) {
            lines = new ArrayList<>(stderrTail);
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("at ")) {
                return ": " + (line.length() > 200 ? line.substring(0, 197) + "..." : line);
            }
        }
        return "";
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    fromWorker.add(WorkerProtocol.decode(line, WorkerProtocol.Message.class));
                } catch (IOException e) {
                    LOG.debug("worker process {} wrote a line that is not a message: {}", process.pid(), line);
                }
            }
        } catch (IOException e) {
            LOG.debug("stdout of worker process {} failed", process.pid(), e);
        }
        fromWorker.add(EOF);
    }

    private void readStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                LOG.debug("worker {}: {}", process.pid(), line);
                synchronized (stderrTail) {
                    if (stderrTail.size() == LAST_WORDS) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("stderr of worker process {} failed", process.pid(), e);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
