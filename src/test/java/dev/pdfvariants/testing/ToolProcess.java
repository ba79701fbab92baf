package dev.pdfvariants.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The tool as a real operating-system process ({@link TestMain}: the command line with the test
 * variants), started from this JVM's class path: for tests that send it real signals or kill it.
 */
public final class ToolProcess implements AutoCloseable {
    private final Process process;
    private final Path stderr;

    private ToolProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** Starts {@code pdfvariants ARGS} in {@code dir}, with {@code env} added to a clean environment. */
    public static ToolProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                TestMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PDFVARIANTS_"));
        builder.environment().putAll(env);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        return new ToolProcess(builder.start(), err);
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a signal by name ({@code TERM}, {@code INT}, {@code KILL}) with the system's {@code kill}. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Waits for the process to end (at most {@code limit}) and returns its exit code. */
    public int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the tool did not end within " + limit + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    public String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Polls {@code condition} every 20 ms until it holds, failing after {@code limit} or if the process ends first. */
    public void awaitCondition(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the tool ended (exit " + process.exitValue() + ") before " + what
                        + "; stderr:\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit + " for " + what + "; stderr:\n" + stderr());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
