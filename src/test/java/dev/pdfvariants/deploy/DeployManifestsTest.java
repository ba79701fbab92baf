package dev.pdfvariants.deploy;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;

/**
 * The deployment recipes in {@code deploy/}: parsed and checked for the fields that matter
 * (no cluster or Docker engine runs here), and their commands run through the real CLI with
 * each engine's task variables, proving that the tasks split the samples exactly once.
 */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("deploy").toAbsolutePath();
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path tmp;

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + docs));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Every volumeMount names a declared volume; returns mountPath → readOnly. */
    private static Map<String, Boolean> checkMounts(JsonNode podSpec, JsonNode container) {
        Set<String> volumes = new HashSet<>();
        podSpec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        Map<String, Boolean> mounts = new HashMap<>();
        for (JsonNode m : container.path("volumeMounts")) {
            assertThat(volumes).as("volume of mount %s", m).contains(m.path("name").asText());
            mounts.put(m.path("mountPath").asText(), m.path("readOnly").asBoolean(false));
        }
        return mounts;
    }

    /**
     * Runs the container's {@code run} arguments as a dry run for every task of an engine, with
     * {@code /data/in} mapped to the samples, and returns the documents each task would process.
     */
    private List<List<String>> dryRunEveryTask(List<String> args, Map<String, String> env, int tasks,
            java.util.function.IntFunction<Map<String, String>> taskEnv) throws IOException {
        List<List<String>> perTask = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            Cli c = cli();
            env.forEach(c::env);
            taskEnv.apply(k).forEach(c::env);
            List<String> mapped = new ArrayList<>();
            for (String a : args) {
                mapped.add(a.replace("/data/in", Corpus.samples().toString()).replace("/data/out", tmp.resolve("out").toString()));
            }
            mapped.addAll(List.of("--dry-run", "--json"));
            Cli.Result r = c.run(mapped.toArray(new String[0]));
            assertThat(r.exitCode()).as("task %d: %s", k, r).isZero();
            JsonNode plan = Json.mapper().readTree(r.out());
            assertThat(plan.get("shard").asText()).isEqualTo(k + "-of-" + tasks);
            perTask.add(texts(plan.get("documents")));
        }
        List<String> all = perTask.stream().flatMap(List::stream).toList();
        assertThat(all).as("every sample exactly once over the tasks").doesNotHaveDuplicates().hasSize(5);
        return perTask;
    }

    private static Map<String, String> env(JsonNode container, Map<String, String> configMap) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, e.get("value").asText());
            } else if (e.at("/valueFrom/configMapKeyRef").isObject()) {
                String key = e.at("/valueFrom/configMapKeyRef/key").asText();
                assertThat(configMap).as("ConfigMap key of %s", name).containsKey(key);
                env.put(name, configMap.get(key));
            } else if (e.at("/valueFrom/resourceFieldRef").isObject()) {
                env.put(name, "2");
            }
        }
        return env;
    }

    @Test
    void theKubernetesIndexedJobSplitsTheInputByCompletionIndex() throws IOException {
        List<JsonNode> docs = documents(DEPLOY.resolve("kubernetes/pdfvariants-job.yaml"));
        JsonNode job = kind(docs, "Job");
        JsonNode configMap = kind(docs, "ConfigMap");
        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        int completions = job.at("/spec/completions").asInt();
        assertThat(completions).isGreaterThan(1);
        assertThat(job.at("/spec/parallelism").asInt()).isBetween(1, completions);
        assertThat(job.at("/spec/backoffLimitPerIndex").isInt()).isTrue();
        JsonNode pod = job.at("/spec/template/spec");
        assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("image").asText()).isNotBlank();

        Map<String, String> cm = new HashMap<>();
        configMap.path("data").fields().forEachRemaining(e -> cm.put(e.getKey(), e.getValue().asText()));
        assertThat(configMap.at("/metadata/name").asText()).isEqualTo("pdfvariants");
        Map<String, String> env = env(container, cm);
        assertThat(env.get("SHARD_COUNT")).as("SHARD_COUNT = completions").isEqualTo(String.valueOf(completions));
        assertThat(env.get("PUSHGATEWAY_URL")).startsWith("http");
        assertThat(env.get("OTLP_ENDPOINT")).startsWith("http");
        assertThat(env).containsKeys("ENVIRONMENT", "ENABLE_TRACING");

        // exit codes that must not be retried are the tool's own
        Map<String, List<String>> actions = new HashMap<>();
        for (JsonNode rule : job.at("/spec/podFailurePolicy/rules")) {
            if (rule.has("onExitCodes")) {
                assertThat(rule.at("/onExitCodes/containerName").asText()).isEqualTo(container.path("name").asText());
                actions.put(rule.path("action").asText(), texts(rule.at("/onExitCodes/values")));
            }
        }
        assertThat(actions.get("FailIndex")).containsExactly(String.valueOf(ExitCode.DOCUMENTS_FAILED.code()));
        assertThat(actions.get("FailJob")).containsExactly(String.valueOf(ExitCode.USAGE.code()));

        List<String> args = texts(container.path("args"));
        assertThat(args.get(0)).isEqualTo("run");
        Map<String, Boolean> mounts = checkMounts(pod, container);
        String output = args.get(args.indexOf("-o") + 1);
        assertThat(mounts).containsEntry(output, false).containsEntry(args.get(1), true);

        dryRunEveryTask(args, env, completions, k -> Map.of("JOB_COMPLETION_INDEX", String.valueOf(k)));

        JsonNode report = kind(documents(DEPLOY.resolve("kubernetes/report-job.yaml")), "Job");
        JsonNode reportPod = report.at("/spec/template/spec");
        JsonNode reportContainer = reportPod.path("containers").get(0);
        List<String> reportArgs = texts(reportContainer.path("args"));
        assertThat(reportArgs.get(0)).isEqualTo("report");
        assertThat(checkMounts(reportPod, reportContainer)).containsKey(reportArgs.get(1));
        assertThat(reportPod.at("/volumes/0/persistentVolumeClaim/claimName").asText())
                .isEqualTo(findVolume(pod, "output").at("/persistentVolumeClaim/claimName").asText());
    }

    private static JsonNode findVolume(JsonNode pod, String name) {
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    @Test
    void theCloudRunJobSplitsTheInputByTaskIndex() throws IOException {
        JsonNode job = kind(documents(DEPLOY.resolve("cloud-run/pdfvariants-job.yaml")), "Job");
        assertThat(job.path("apiVersion").asText()).isEqualTo("run.googleapis.com/v1");
        JsonNode execution = job.at("/spec/template/spec");
        int tasks = execution.path("taskCount").asInt();
        assertThat(tasks).isGreaterThan(1);
        assertThat(execution.path("parallelism").asInt()).isBetween(1, tasks);
        JsonNode task = execution.at("/template/spec");
        assertThat(task.path("maxRetries").isInt()).isTrue();
        assertThat(Integer.parseInt(task.path("timeoutSeconds").asText())).isPositive();
        JsonNode container = task.path("containers").get(0);
        assertThat(container.path("image").asText()).isNotBlank();
        for (JsonNode v : task.path("volumes")) {
            assertThat(v.at("/csi/driver").asText()).isEqualTo("gcsfuse.run.googleapis.com");
            assertThat(v.at("/csi/volumeAttributes/bucketName").asText()).isNotBlank();
        }
        Map<String, Boolean> mounts = checkMounts(task, container);
        Map<String, String> env = env(container, Map.of());
        assertThat(env.get("PUSHGATEWAY_URL")).startsWith("http");
        assertThat(env.get("OTLP_ENDPOINT")).startsWith("http");
        assertThat(env).doesNotContainKey("SHARD_COUNT"); // Cloud Run gives the count itself
        List<String> args = texts(container.path("args"));
        assertThat(args.get(0)).isEqualTo("run");
        assertThat(mounts).containsKeys(args.get(1), args.get(args.indexOf("-o") + 1));

        dryRunEveryTask(args, env, tasks, k -> Map.of("CLOUD_RUN_TASK_INDEX", String.valueOf(k),
                "CLOUD_RUN_TASK_COUNT", String.valueOf(tasks)));
    }

    @Test
    void theGithubActionsMatrixListsEveryShardOnceAndTheReportAlwaysRuns() throws IOException {
        JsonNode workflow = documents(DEPLOY.resolve("github-actions/pdfvariants-sharded.yml")).get(0);
        int shards = workflow.at("/env/SHARDS").asInt();
        List<Integer> matrix = new ArrayList<>();
        workflow.at("/jobs/shard/strategy/matrix/shard").forEach(v -> matrix.add(v.asInt()));
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < shards; k++) {
            expected.add(k);
        }
        assertThat(matrix).isEqualTo(expected);
        assertThat(workflow.at("/jobs/shard/strategy/fail-fast").asBoolean(true)).isFalse();
        String steps = workflow.at("/jobs/shard/steps").toString();
        assertThat(steps).contains("--shard \\\"${{ matrix.shard }}/$SHARDS\\\"");
        JsonNode report = workflow.at("/jobs/report");
        assertThat(report.path("needs").asText()).isEqualTo("shard");
        assertThat(report.path("if").asText()).isEqualTo("always()");
        assertThat(report.path("steps").toString()).contains("bin/pdfvariants report shards/*");
    }

    @Test
    void theSlurmScriptsParseAndPassTheArrayToTheTool() throws Exception {
        Path sbatch = DEPLOY.resolve("slurm/pdfvariants-array.sbatch");
        Path submit = DEPLOY.resolve("slurm/submit.sh");
        for (Path script : List.of(sbatch, submit)) {
            assertThat(sh(Map.of(), "sh", "-n", script.toString()).exitCode).as(script.toString()).isZero();
        }
        Matcher array = Pattern.compile("(?m)^#SBATCH --array=(\\d+)-(\\d+)$").matcher(Files.readString(sbatch));
        assertThat(array.find()).isTrue();

        // The batch script runs the tool with the input, output and CPUs of the allocation.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        fake(bin.resolve("pdfvariants"), "printf '%s\\n' \"$PDFVARIANTS_WORKERS\" \"$SLURM_ARRAY_TASK_ID\" \"$@\" >\"$RECORD\"");
        Path record = tmp.resolve("record");
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"), "RECORD", record.toString(),
                "INPUT", "/shared/pdfs", "OUTPUT", "/shared/out", "SLURM_CPUS_PER_TASK", "4", "SLURM_ARRAY_TASK_ID", "3"));
        Run run = sh(env, "sh", sbatch.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(Files.readAllLines(record)).containsExactly("4", "3", "run", "/shared/pdfs", "-o", "/shared/out",
                "--progress", "plain");
        env.remove("INPUT");
        assertThat(sh(env, "sh", sbatch.toString()).err).contains("set INPUT");

        // submit.sh queues the array and a report that depends on it.
        fake(bin.resolve("sbatch"), "echo \"$*\" >>\"$RECORD\"; case \"$*\" in *--array*) echo 4242 ;; *) echo 4243 ;; esac");
        Files.deleteIfExists(record);
        Run submitted = sh(env, "sh", submit.toString(), "/shared/pdfs", "/shared/out", "6");
        assertThat(submitted.exitCode).as(submitted.err).isZero();
        List<String> calls = Files.readAllLines(record);
        assertThat(calls.get(0)).contains("--array=0-5").contains("INPUT=/shared/pdfs").contains("OUTPUT=/shared/out");
        assertThat(calls.get(1)).contains("--dependency=afterany:4242").contains("pdfvariants report '/shared/out'");
        assertThat(sh(env, "sh", submit.toString(), "/in").exitCode).isEqualTo(2);

        // And the tool turns the array's variables into shards covering the input once.
        dryRunEveryTask(List.of("run", "/data/in", "-o", "/data/out"), Map.of(), 4, k -> Map.of(
                "SLURM_ARRAY_TASK_ID", String.valueOf(k + 1), "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "4",
                "SLURM_ARRAY_TASK_COUNT", "4"));
    }

    @Test
    void theScriptsPassShellcheck() throws Exception {
        assumeTrue(sh(Map.of(), "sh", "-c", "command -v shellcheck").exitCode == 0, "shellcheck is not installed");
        Run r = sh(Map.of(), "shellcheck", "-S", "warning", DEPLOY.resolve("slurm/pdfvariants-array.sbatch").toString(),
                DEPLOY.resolve("slurm/submit.sh").toString(), Path.of("bin/pdfvariants").toAbsolutePath().toString(),
                Path.of("bench/startup.sh").toAbsolutePath().toString(), Path.of(".ci/release-check").toAbsolutePath().toString());
        assertThat(r.exitCode).as(r.out + r.err).isZero();
    }

    @Test
    void theDockerfileRunsTheJarAndLauncherOnAJreAsAnUnprivilegedUser() throws Exception {
        Path dockerfile = DEPLOY.resolve("container/Dockerfile");
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else {
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(1)).contains("-jre");
        int finalStage = instructions.indexOf(froms.get(1));
        for (String i : instructions) {
            if (i.startsWith("COPY ") && !i.contains("--from=")) {
                String[] parts = i.split("\\s+");
                for (int p = 1; p < parts.length - 1; p++) {
                    assertThat(Path.of(parts[p])).as("COPY source %s", parts[p]).exists();
                }
            }
        }
        List<String> last = instructions.subList(finalStage, instructions.size());
        assertThat(last).anyMatch(i -> i.equals("COPY --from=build /src/target/pdfvariants.jar /opt/pdfvariants/lib/pdfvariants.jar"));
        assertThat(last).anyMatch(i -> i.equals("ENTRYPOINT [\"/opt/pdfvariants/bin/pdfvariants\"]"));
        assertThat(last).anyMatch(i -> i.matches("USER [1-9]\\d*"));
        assertThat(last).anyMatch(i -> i.contains("pdfvariants.jsa")); // the start-up archive is made in the image
        assumeTrue(sh(Map.of(), "docker", "info").exitCode == 0, "no Docker engine: the image cannot be built here");
        Run build = sh(Map.of(), "docker", "build", "-q", "-f", dockerfile.toString(), "-t", "pdfvariants:test", ".");
        assertThat(build.exitCode).as(build.err).isZero();
        assertThat(sh(Map.of(), "docker", "run", "--rm", "pdfvariants:test", "--version").out).startsWith("pdfvariants ");
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run sh(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Run(127, "", e.getMessage());
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "", "timed out");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void fake(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
