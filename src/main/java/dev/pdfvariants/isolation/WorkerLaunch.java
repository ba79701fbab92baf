package dev.pdfvariants.isolation;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.pdfvariants.config.ResilienceSettings;

/**
 * How to start a worker process: the current {@code java} binary and class path (so a worker runs
 * exactly this code, from the packaged jar or from a test class path alike), a bounded heap that
 * ends the process on exhaustion ({@code -XX:+ExitOnOutOfMemoryError}, exit code
 * {@value #OUT_OF_MEMORY_EXIT}), the JIT compiler thresholds of this JVM (the launcher's later C2, or
 * the user's own), the run's own arguments, and the run's environment and working directory, so
 * that it parses the same configuration.
 *
 * @param command          the command line
 * @param environment      the worker's whole environment
 * @param workingDirectory where it runs
 * @param heapBytes        its maximum heap, for messages
 */
record WorkerLaunch(List<String> command, Map<String, String> environment, Path workingDirectory, long heapBytes) {
    /** The exit code of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;
    static final String WORKER_FLAG = "--isolation-worker";

    WorkerLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    static WorkerLaunch of(ResilienceSettings.Isolation isolation, Map<String, String> environment,
            Path workingDirectory) {
        return of(isolation, environment, workingDirectory, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** @param parentJvmOptions this JVM's options, of which the compiler thresholds are passed on */
    static WorkerLaunch of(ResilienceSettings.Isolation isolation, Map<String, String> environment,
            Path workingDirectory, List<String> parentJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(1, isolation.workerHeap() >> 20) + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        parentJvmOptions.stream().filter(option -> option.startsWith("-XX:Tier")).forEach(command::add);
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(WorkerMain.class.getName());
        command.addAll(isolation.workerArgs());
        command.add(WORKER_FLAG);
        return new WorkerLaunch(command, environment, workingDirectory, isolation.workerHeap());
    }

    /** This JVM's class path with every entry absolute, as the worker may run elsewhere. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
