package dev.pdfvariants.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.ResilienceSettings;

class WorkerLaunchTest {
    private static final ResilienceSettings.Isolation ISOLATION = new ResilienceSettings.Isolation(
            ResilienceSettings.IsolationMode.PROCESS, true, 256L << 20, 10, List.of("run", "in", "-o", "out"));

    @Test
    void aWorkerCompilesAsItsParentButKeepsItsOwnHeapAndCollector() {
        WorkerLaunch launch = WorkerLaunch.of(ISOLATION, Map.of(), Path.of("."), List.of("-Xmx999m",
                "-XX:+UseParallelGC", "-XX:Tier4InvocationThreshold=60000", "-XX:Tier4BackEdgeThreshold=640000",
                "-XX:SharedArchiveFile=/tmp/a.jsa"));

        List<String> command = launch.command();
        assertThat(command).contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:Tier4InvocationThreshold=60000", "-XX:Tier4BackEdgeThreshold=640000");
        assertThat(command).doesNotContain("-Xmx999m", "-XX:+UseParallelGC", "-XX:SharedArchiveFile=/tmp/a.jsa");
        // JVM options before the main class, the run's arguments after it
        int main = command.indexOf(WorkerMain.class.getName());
        assertThat(command.indexOf("-XX:Tier4BackEdgeThreshold=640000")).isLessThan(main);
        assertThat(command.subList(main + 1, command.size())).containsExactly("run", "in", "-o", "out",
                WorkerLaunch.WORKER_FLAG);
    }
}
