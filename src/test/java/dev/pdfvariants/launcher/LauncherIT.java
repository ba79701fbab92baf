package dev.pdfvariants.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;

/** Black-box: the packaged launcher {@code bin/pdfvariants}, run as a separate process. */
class LauncherIT {
    private static final Path HOME = Path.of(System.getProperty("pdfvariants.home", ".")).toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
    }

    private Run launch(Path launcher, Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().put("PDFVARIANTS_BUILD", "0"); // test the jar this build packaged
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8));
    }

    @Test
    void runsTheSamplesFromAnotherDirectoryThroughASymlinkAndPassesTheExitCodeThrough() throws Exception {
        Path link = tmp.resolve("bin-elsewhere/pdfvariants");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, HOME.resolve("bin/pdfvariants"));
        Path cwd = Files.createDirectories(tmp.resolve("work"));

        Run r = launch(link, cwd, "run", HOME.resolve("samples").toString(), "-o", "out", "--json", "--progress", "none");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(cwd.resolve("out/reports/rooftop-gardens-report/text.txt")).isRegularFile();
        assertThat(cwd.resolve("out/_run/manifest.json")).isRegularFile();
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(r.err()).contains("broken/truncated-download.pdf").contains("cannot parse the PDF")
                .doesNotContain("\tat ");
    }

    /** The JVM flags the launcher chose, as the JVM prints them. */
    private String flags(Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.merge("PDFVARIANTS_JAVA_OPTS", "-XX:+PrintCommandLineFlags", (a, b) -> a + " " + b);
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/pdfvariants").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("PDFVARIANTS_BUILD", "0");
        pb.environment().remove("PDFVARIANTS_WORKERS");
        pb.environment().putAll(all);
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr"))).isZero();
        return Files.readString(tmp.resolve("stdout")).lines().filter(l -> l.contains("-XX:")).findFirst().orElse("");
    }

    private static long maxHeapMiB(String flags) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
        assertThat(m.find()).as(flags).isTrue();
        return Long.parseLong(m.group(1)) >> 20;
    }

    @Test
    void theHeapGrowsWithTheWorkersUpToHalfTheMemoryAndTheUsersChoicesWin() throws Exception {
        long memoryMiB = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() >> 20;
        org.junit.jupiter.api.Assumptions.assumeTrue(memoryMiB >= 3 * 1024, "a machine with at least 3 GiB");

        String two = flags(Map.of(), "run", "--help", "-j", "2");
        assertThat(maxHeapMiB(two)).isEqualTo(256 + 2 * 192);
        assertThat(two).contains("-XX:+UseParallelGC");
        assertThat(maxHeapMiB(flags(Map.of(), "run", "--help", "--workers=4"))).isEqualTo(256 + 4 * 192);
        assertThat(maxHeapMiB(flags(Map.of("PDFVARIANTS_WORKERS", "3"), "run", "--help"))).isEqualTo(256 + 3 * 192);
        assertThat(maxHeapMiB(flags(Map.of(), "run", "--help", "-j", "1000"))).isEqualTo(memoryMiB / 2);

        // the user's heap and collector win, and two collectors never reach the JVM
        assertThat(maxHeapMiB(flags(Map.of("PDFVARIANTS_JAVA_OPTS", "-Xmx300m"), "run", "--help", "-j", "2")))
                .isEqualTo(300);
        String serial = flags(Map.of("PDFVARIANTS_JAVA_OPTS", "-XX:+UseSerialGC"), "run", "--help", "-j", "2");
        assertThat(serial).contains("-XX:+UseSerialGC").doesNotContain("UseParallelGC");

        // the optimizing compiler starts later than the JVM's default (5000 calls, 40000 loop iterations) ...
        assertThat(two).contains("-XX:Tier4InvocationThreshold=60000", "-XX:Tier4BackEdgeThreshold=640000");
        // and inlines hot callees of up to 150 bytecodes, not 325, and compiled ones up to 1,500 bytes
        assertThat(two).contains("-XX:FreqInlineSize=150", "-XX:InlineSmallCode=1500");
        // ... unless the user says otherwise
        assertThat(flags(Map.of("PDFVARIANTS_JAVA_OPTS", "-XX:Tier4BackEdgeThreshold=40000"), "run", "--help"))
                .contains("-XX:Tier4BackEdgeThreshold=40000").doesNotContain("-XX:Tier4BackEdgeThreshold=640000");
    }

    @Test
    void versionExitsZeroAndUsageErrorsExitTwo() throws Exception {
        Path launcher = HOME.resolve("bin/pdfvariants");
        Run version = launch(launcher, tmp, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pdfvariants ");

        Run usage = launch(launcher, tmp, "run", "--workers", "many");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--workers");
    }

    @Test
    void thePackagedJarPushesMetricsAndExportsSpansOverHttpAndGrpc() throws Exception {
        try (dev.pdfvariants.testing.Pushgateway gateway = dev.pdfvariants.testing.Pushgateway.start(tmp.resolve("gw"));
                dev.pdfvariants.testing.OtlpReceiver http = new dev.pdfvariants.testing.OtlpReceiver();
                dev.pdfvariants.testing.OtlpReceiver grpc = dev.pdfvariants.testing.OtlpReceiver.grpc()) {
            Run r = launch(HOME.resolve("bin/pdfvariants"), tmp, "run", HOME.resolve("samples/reports").toString(), "-o",
                    "out", "--pushgateway", gateway.url(), "--tracing", "--otlp-endpoint", http.url(), "--log-format",
                    "json", "--progress", "none");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(gateway.metrics()).contains("pdfvariants_documents_total{")
                    .contains("instance=\"0-of-1\",job=\"pdfvariants\",outcome=\"succeeded\"} 1");
            assertThat(http.named("document")).hasSize(1);

            Run overGrpc = launch(HOME.resolve("bin/pdfvariants"), tmp, "run", HOME.resolve("samples/reports").toString(),
                    "-o", "out2", "--tracing", "--otlp-protocol", "grpc", "--otlp-endpoint", grpc.url(), "--progress",
                    "none");
            assertThat(overGrpc.exitCode()).as(overGrpc.err()).isZero();
            assertThat(grpc.named("batch")).hasSize(1);
        }
    }

    @Test
    void doctorAndHelpWorkFromThePackagedJar() throws Exception {
        Run help = launch(HOME.resolve("bin/pdfvariants"), tmp, "run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--pushgateway").contains("--log-format").contains("--events");
        assertThat(help.err()).as("no logging start-up on --help").isEmpty();
        Run doctor = launch(HOME.resolve("bin/pdfvariants"), tmp, "doctor", "-o", "out", "-j", "1");
        assertThat(doctor.out()).contains("output").contains("heap").contains("fonts");
    }

    @Test
    void nonAsciiTextSurvivesTheRoundTripWhateverTheLocale() throws Exception {
        Run r = launch(HOME.resolve("bin/pdfvariants"), tmp, "run", HOME.resolve("samples/es").toString(), "-o", "out",
                "-v", "text", "--progress", "none");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("out/informe-bibliotecas/text.txt"), StandardCharsets.UTF_8))
                .contains("¿Quién usa la biblioteca?");
    }
}
