package dev.pdfvariants.scale;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.PdfFixture;

/**
 * Black-box: the same corpus split into N = 1, 3 and 7 shards, each shard a separate JVM of the
 * packaged jar, all running at the same time; their union must be the single run's set of
 * documents with the same outcomes and outputs, without overlap, and {@code report} over them must
 * give the single run's counts. Shards of N = 3 share one output directory (a cluster volume);
 * shards of N = 7 write one output each (CI matrix artifacts).
 */
class ShardedRunIT {
    private static final Path JAR = Path.of(System.getProperty("pdfvariants.jar", "target/pdfvariants.jar"))
            .toAbsolutePath();

    @TempDir
    static Path tmp;

    static Path corpus;
    static Map<String, JsonNode> single;
    static JsonNode singleCounts;
    static final Map<Integer, List<Path>> outputs = new TreeMap<>();
    static final Map<String, Integer> exitCodes = new LinkedHashMap<>();

    @BeforeAll
    static void runEverythingInParallel() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int i = 0; i < 24; i++) {
            PdfFixture.create().title("Document " + i).paragraph("Paragraph of document number " + i + ". "
                    + "It talks about topic " + (i % 5) + " in a few words.").write(corpus.resolve("set-" + (i % 4)
                    + "/doc-" + i + ".pdf"));
        }
        copyTree(Corpus.samples(), corpus.resolve("samples"));

        Map<String, Process> running = new LinkedHashMap<>();
        running.put("single", start(tmp.resolve("single"), null));
        for (int n : new int[] {1, 3, 7}) {
            for (int k = 0; k < n; k++) {
                Path out = n == 3 ? tmp.resolve("out-3") : tmp.resolve("out-" + n + "-" + k);
                if (!outputs.computeIfAbsent(n, x -> new ArrayList<>()).contains(out)) {
                    outputs.get(n).add(out);
                }
                running.put(k + "/" + n, start(out, k + "/" + n));
            }
        }
        for (Map.Entry<String, Process> e : running.entrySet()) {
            assertThat(e.getValue().waitFor(180, TimeUnit.SECONDS)).as("run %s finished", e.getKey()).isTrue();
            exitCodes.put(e.getKey(), e.getValue().exitValue());
        }
        JsonNode manifest = Json.mapper().readTree(tmp.resolve("single/_run/manifest.json").toFile());
        single = documents(List.of(manifest));
        singleCounts = manifest.get("counts");
    }

    private static Process start(Path out, String shard) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-jar", JAR.toString(),
                "run", corpus.toString(), "-o", out.toString(), "-j", "1", "--progress", "none"));
        if (shard != null) {
            command.addAll(List.of("--shard", shard));
        }
        String name = shard == null ? "single" : shard.replace('/', '-');
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log-" + name + ".txt").toFile()).start();
    }

    @Test
    void everyShardedSplitCoversTheSingleRunExactlyOnceWithTheSameOutcomesAndOutputs() throws IOException {
        assertThat(single).hasSize(29);
        assertThat(exitCodes.get("single")).isEqualTo(1); // the truncated sample fails
        for (Map.Entry<Integer, List<Path>> split : outputs.entrySet()) {
            int n = split.getKey();
            List<JsonNode> manifests = new ArrayList<>();
            for (Path out : split.getValue()) {
                try (Stream<Path> files = Files.list(out.resolve("_run"))) {
                    for (Path m : (Iterable<Path>) files.filter(p -> p.getFileName().toString().startsWith("manifest"))::iterator) {
                        manifests.add(Json.mapper().readTree(m.toFile()));
                    }
                }
            }
            assertThat(manifests).as("one manifest per shard, N=%d", n).hasSize(n);
            int total = manifests.stream().mapToInt(m -> m.get("documents").size()).sum();
            Map<String, JsonNode> union = documents(manifests);
            assertThat(total).as("no document in two shards, N=%d", n).isEqualTo(union.size());
            assertThat(union.keySet()).as("union of N=%d", n).isEqualTo(single.keySet());
            for (Map.Entry<String, JsonNode> d : union.entrySet()) {
                JsonNode expected = single.get(d.getKey());
                assertThat(d.getValue().get("status")).as(d.getKey()).isEqualTo(expected.get("status"));
                assertThat(d.getValue().get("sha256")).isEqualTo(expected.get("sha256"));
                assertThat(outputDigests(d.getValue())).as(d.getKey()).isEqualTo(outputDigests(expected));
            }
            for (JsonNode m : manifests) {
                String label = m.at("/shard/label").asText();
                boolean hasFailure = m.at("/counts/failed").asInt() > 0;
                assertThat(exitCodes.get(label.replace("-of-", "/"))).as(label).isEqualTo(hasFailure ? 1 : 0);
            }
        }
        assertThat(Files.exists(tmp.resolve("out-1-0/_run/manifest.json"))).as("N=1 writes manifest.json").isTrue();
        assertThat(tmp.resolve("out-3/_run/manifest-2-of-3.json")).isRegularFile();
    }

    @Test
    void theReportOverTheShardsGivesTheSingleRunsCounts() throws IOException {
        for (Map.Entry<Integer, List<Path>> split : outputs.entrySet()) {
            Cli.Result r = report(split.getValue(), "--json");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1); // documents failed, shards complete
            JsonNode report = Json.mapper().readTree(r.out());
            assertThat(report.get("counts")).as("N=%d", split.getKey()).isEqualTo(singleCounts);
            assertThat(report.get("problems")).isEmpty();
            assertThat(report.get("shardCount").asInt()).isEqualTo(split.getKey());
            assertThat(report.at("/failures/0/path").asText()).isEqualTo("samples/broken/truncated-download.pdf");
        }
        Cli.Result text = report(outputs.get(3));
        assertThat(text.out()).contains("3 of 3 shard(s), 29 document(s)").contains("failed 1");
    }

    @Test
    void aMissingShardMakesTheReportFailAndNameIt() {
        List<Path> six = new ArrayList<>(outputs.get(7));
        six.remove(4);
        Cli.Result r = report(six);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).contains("shard 4-of-7 is missing");
        assertThat(r.out()).contains("4-of-7    MISSING");
    }

    private static Cli.Result report(List<Path> outs, String... extra) {
        List<String> args = new ArrayList<>(List.of("report"));
        outs.forEach(o -> args.add(o.toString()));
        args.addAll(List.of(extra));
        return cli().run(args.toArray(new String[0]));
    }

    private static Map<String, JsonNode> documents(List<JsonNode> manifests) {
        Map<String, JsonNode> docs = new TreeMap<>();
        for (JsonNode m : manifests) {
            m.get("documents").forEach(d -> docs.put(d.get("path").asText(), d));
        }
        return docs;
    }

    private static Map<String, String> outputDigests(JsonNode document) {
        Map<String, String> digests = new HashMap<>();
        document.path("variants").forEach(v -> v.path("outputs")
                .forEach(o -> digests.put(o.get("path").asText(), o.get("sha256").asText())));
        return digests;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (p.getFileName().toString().endsWith(".pdf")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
