package dev.pdfvariants.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.ToolProcess;

/**
 * Stopping a batch for real: SIGTERM, SIGINT and {@code kill -9} sent to the tool running as its
 * own process, then a re-run that finishes the batch; and the lock that keeps a second run off
 * the same output.
 */
class CleanStopTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int DOCUMENTS = 12;

    @TempDir
    Path tmp;

    private Path in;
    private Path out;
    private Path log;
    private Map<String, String> env;

    @BeforeEach
    void documents() throws IOException {
        in = tmp.resolve("in");
        for (int i = 1; i <= DOCUMENTS; i++) {
            Pdfs.simple(in.resolve(String.format("d%02d.pdf", i)), "Document number " + i + ".");
        }
        out = tmp.resolve("out");
        log = tmp.resolve("generated.log");
        env = new HashMap<>(Map.of("PDFVARIANTS_TEST_SLOW_MS", "300", "PDFVARIANTS_TEST_LOG", log.toString()));
    }

    private ToolProcess start(String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("run", in.toString(), "-o", out.toString(), "-v", "slow",
                "-j", "2", "--progress", "none"));
        args.addAll(List.of(extra));
        return ToolProcess.start(tmp, env, args.toArray(new String[0]));
    }

    private int finishedStates() {
        Path states = out.resolve("_run/state");
        if (!Files.isDirectory(states)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(states)) {
            return (int) files.filter(p -> p.toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The same run again, to its end (the test variant reads its settings from the process environment). */
    private Cli.Result rerun() throws IOException, InterruptedException {
        try (ToolProcess tool = start()) {
            int code = tool.waitFor(LIMIT);
            return new Cli.Result(code, "", tool.stderr());
        }
    }

    /** How many times each document was generated, over every run so far. */
    private Map<String, Long> generations() throws IOException {
        if (!Files.exists(log)) {
            return Map.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    /** Every output the manifest lists is on disk with the size and SHA-256 it records; no temporary file is left. */
    private void assertOutputsIntact(JsonNode manifest) throws IOException {
        int outputs = 0;
        for (JsonNode d : manifest.get("documents")) {
            for (JsonNode v : d.get("variants")) {
                for (JsonNode o : v.get("outputs")) {
                    Path file = out.resolve(o.get("path").asText());
                    assertThat(Files.size(file)).as(file.toString()).isEqualTo(o.get("bytes").asLong());
                    assertThat(AtomicFiles.sha256(file)).as(file.toString()).isEqualTo(o.get("sha256").asText());
                    outputs++;
                }
            }
        }
        assertThat(outputs).isPositive();
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(AtomicFiles.TEMP_SUFFIX));
        }
    }

    private static int lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Set<String> paths(JsonNode manifest, String status) {
        Set<String> paths = new HashSet<>();
        manifest.get("documents").forEach(d -> {
            if (d.get("status").asText().equals(status)) {
                paths.add(d.get("path").asText());
            }
        });
        return paths;
    }

    @Test
    void sigtermMidBatchExits143WithTheFinishedDocumentsInTheManifestAndAReRunDoesTheRest() throws Exception {
        int code;
        try (ToolProcess tool = start()) {
            tool.awaitCondition(() -> finishedStates() >= 2, LIMIT, "two finished documents");
            tool.signal("TERM");
            code = tool.waitFor(LIMIT);
            assertThat(tool.stderr()).contains("SIGTERM received: starting no new document");
        }
        assertThat(code).isEqualTo(143);
        JsonNode first = Pdfs.manifest(out);
        Set<String> done = paths(first, "succeeded");
        assertThat(done).hasSizeBetween(2, DOCUMENTS - 1);
        assertThat(first.get("documents")).hasSize(done.size());
        assertThat(first.get("stopReason").asText()).isEqualTo("interrupted by SIGTERM");
        assertThat(first.get("exitCode").asInt()).isEqualTo(143);
        assertOutputsIntact(first);
        // the documents running at the signal finished within the grace: all listed ones were done once
        assertThat(generations().keySet()).isEqualTo(done);

        Cli.Result again = rerun();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode second = Pdfs.manifest(out);
        assertThat(second.get("documents")).hasSize(DOCUMENTS);
        assertThat(paths(second, "skipped")).isEqualTo(done);
        assertOutputsIntact(second);
        assertThat(generations()).hasSize(DOCUMENTS).allSatisfy((doc, times) -> assertThat(times).as(doc).isEqualTo(1));
    }

    @Test
    void sigintExits130AfterAWrittenManifest() throws Exception {
        int code;
        try (ToolProcess tool = start()) {
            tool.awaitCondition(() -> finishedStates() >= 1, LIMIT, "a finished document");
            tool.signal("INT");
            code = tool.waitFor(LIMIT);
        }
        assertThat(code).isEqualTo(130);
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(manifest.get("stopReason").asText()).isEqualTo("interrupted by SIGINT");
        assertThat(manifest.get("documents").size()).isBetween(1, DOCUMENTS - 1);
    }

    @Test
    void runningDocumentsAreGivenUpWhenTheShutdownGraceRunsOut() throws Exception {
        env.put("PDFVARIANTS_TEST_SLOW_MS", "60000");
        Path started = tmp.resolve("started.log");
        env.put("PDFVARIANTS_TEST_STARTED_LOG", started.toString());
        int code;
        String stderr;
        try (ToolProcess tool = start("--shutdown-grace", "500ms")) {
            tool.awaitCondition(() -> lines(started) >= 2, LIMIT, "both workers running a document");
            tool.signal("TERM");
            code = tool.waitFor(LIMIT);
            stderr = tool.stderr();
        }
        assertThat(code).isEqualTo(143);
        assertThat(stderr).contains("running ones have 500ms (--shutdown-grace) to finish")
                .contains("the shutdown grace is over: gave up on 2 running documents");
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(manifest.get("documents")).isEmpty();
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith("slow.txt"));
        }
    }

    @Test
    void afterKillDashNineAReRunCompletesTheBatchWithoutRedoingWhatFinished() throws Exception {
        Set<String> finishedBeforeKill;
        try (ToolProcess tool = start()) {
            tool.awaitCondition(() -> finishedStates() >= 3, LIMIT, "three finished documents");
            tool.signal("KILL");
            assertThat(tool.waitFor(LIMIT)).isEqualTo(137);
        }
        try (Stream<Path> states = Files.list(out.resolve("_run/state"))) {
            // a state being written when the kill came is a temporary file: its document did not finish
            finishedBeforeKill = states.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.replace(".json", ".pdf")).collect(Collectors.toSet());
        }
        Map<String, Long> before = generations();
        assertThat(before.keySet()).containsAll(finishedBeforeKill);

        Cli.Result again = rerun();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("taking over the lock of a run that ended without releasing it");
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(manifest.get("documents")).hasSize(DOCUMENTS);
        assertThat(paths(manifest, "skipped")).containsAll(finishedBeforeKill);
        assertOutputsIntact(manifest);
        Map<String, Long> after = generations();
        assertThat(after).hasSize(DOCUMENTS);
        for (String doc : finishedBeforeKill) {
            assertThat(after.get(doc)).as("%s finished before the kill: not done again", doc).isEqualTo(1);
        }
    }

    @Test
    void aSecondRunOnAnOutputInUseExitsFourNamingTheHolder() throws Exception {
        env.put("PDFVARIANTS_TEST_SLOW_MS", "2000");
        try (ToolProcess tool = start()) {
            tool.awaitCondition(() -> OutputLockHolder.pid(out) == tool.pid(), LIMIT, "the run to hold the lock");
            Cli.Result second = rerun();
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
            assertThat(second.err()).contains("is in use by another run (pid " + tool.pid() + " on ")
                    .contains("hint: Wait for that run to finish, or write to another -o directory");
            assertThat(generations()).isEmpty();
            tool.signal("TERM");
            assertThat(tool.waitFor(LIMIT)).isEqualTo(143);
        }
    }

    /** The pid written in the output's lock file, or -1. */
    private static final class OutputLockHolder {
        static long pid(Path out) {
            var holder = dev.pdfvariants.output.OutputLock.holder(out.resolve("_run/lock"));
            return holder == null ? -1 : holder.pid();
        }
    }
}
