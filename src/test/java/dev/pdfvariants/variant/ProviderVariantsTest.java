package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.config.TelemetrySettings.LogSettings;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.telemetry.Logging;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.FakeProvider;
import dev.pdfvariants.testing.OtlpReceiver;
import dev.pdfvariants.testing.PdfFixture;
import dev.pdfvariants.testing.Pdfs;

/**
 * {@code translated} and {@code expanded} through the command line, against a scripted
 * OpenAI-compatible server on loopback: the Markdown they write, the fallback when the provider is
 * missing, down or behind an open breaker, resuming chunk by chunk, and the telemetry of requests.
 */
class ProviderVariantsTest {
    /** Short retries so that failing runs stay fast. */
    private static final String[] FAST_RETRIES = {"--retry-delay", "10ms", "--retry-max-delay", "20ms", "--progress",
        "none"};

    static final List<String> PARAGRAPHS = List.of(
            "Lighthouses guided ships along dangerous coasts for centuries. Their keepers trimmed the wicks every night.",
            "The first lens lighthouse was lit in 1823. Its beam could be seen from more than twenty miles away.",
            "Automation replaced most keepers in the twentieth century. Radio beacons and satellites did the rest.",
            "Many towers are museums today. Visitors climb the spiral stairs to the lantern room in summer.");

    @TempDir
    Path tmp;

    private FakeProvider provider;

    @BeforeEach
    void start() throws IOException {
        provider = FakeProvider.start();
    }

    @AfterEach
    void stop() {
        provider.close();
        Logging.configure(LogSettings.defaults(), false, new PrintWriter(System.err, true));
    }

    static PdfFixture lighthouses() {
        return PdfFixture.create().title("A Short History of Lighthouses")
                .heading(1, "1 Guiding lights").paragraph(PARAGRAPHS.get(0)).paragraph(PARAGRAPHS.get(1))
                .heading(1, "2 Keepers and machines").paragraph(PARAGRAPHS.get(2))
                .heading(1, "3 Lighthouses today").paragraph(PARAGRAPHS.get(3));
    }

    private Path input(String... names) throws IOException {
        Path in = tmp.resolve("in");
        for (String name : names) {
            lighthouses().write(in.resolve(name));
        }
        return in;
    }

    private Cli.Result run(Cli cli, Path in, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("run", in.toString(), "-o", out.toString()));
        all.addAll(List.of(FAST_RETRIES));
        List<String> given = List.of(args);
        if (!given.contains("--retries")) {
            all.addAll(List.of("--retries", "2"));
        }
        if (!given.contains("--provider-rpm")) {
            all.addAll(List.of("--provider-rpm", "0")); // the rate limit has its own test
        }
        if (!given.contains("--target-language")) {
            all.addAll(List.of("--target-language", "German")); // the fixture is in English
        }
        all.addAll(given);
        return cli.run(all.toArray(String[]::new));
    }

    private static JsonNode variant(JsonNode document, String name) {
        for (JsonNode v : document.get("variants")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + name + " in " + document);
    }

    @Test
    void translatedKeepsTheTitleHeadingsAndParagraphsInOrder() throws Exception {
        Path in = input("lighthouses.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = run(cli(), in, out, "-v", "text,translated", "--provider-url", provider.url(),
                "--provider-model", "fake-model", "--target-language", "de");
        assertThat(r.exitCode()).as(r.toString()).isZero();

        String md = Files.readString(out.resolve("lighthouses/translated.md"));
        List<String> headings = md.lines().filter(l -> l.startsWith("#")).toList();
        assertThat(headings).containsExactly("# [T] A Short History of Lighthouses", "## [T] 1 Guiding lights",
                "## [T] 2 Keepers and machines", "## [T] 3 Lighthouses today");
        int at = -1;
        for (String p : PARAGRAPHS) {
            int next = md.indexOf("[T] " + p);
            assertThat(next).as("paragraph in order: " + p).isGreaterThan(at);
            at = next;
        }
        assertThat(md).contains("*Translated into German by the language model fake-model");

        FakeProvider.Received request = provider.requests().get(0);
        assertThat(request.model()).isEqualTo("fake-model");
        assertThat(request.system()).contains("into German");
        assertThat(request.body().path("max_tokens").asInt()).isEqualTo(2048);

        JsonNode manifest = Pdfs.manifest(out);
        JsonNode translated = variant(Pdfs.document(manifest, "lighthouses.pdf"), "translated");
        assertThat(translated.get("status").asText()).isEqualTo("succeeded");
        assertThat(manifest.get("options").get("translated").get("provider-model").asText())
                .isEqualTo("fake-model");
        assertThat(manifest.get("options").get("translated").get("target-language").asText()).isEqualTo("de");
    }

    @Test
    void expandedExplainsEachSectionUnderTheDocumentsOwnHeadings() throws Exception {
        provider.otherwise(FakeProvider.answer(r -> "Explained: " + r.user().substring(r.user().indexOf("Passage:"))
                .replace("\n", " ")));
        Path in = input("lighthouses.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = run(cli(), in, out, "-v", "expanded", "--provider-url", provider.url(), "--provider-model",
                "fake-model");
        assertThat(r.exitCode()).as(r.toString()).isZero();

        String md = Files.readString(out.resolve("lighthouses/expanded.md"));
        assertThat(md.lines().filter(l -> l.startsWith("#")).toList()).containsExactly(
                "# A Short History of Lighthouses", "## 1 Guiding lights", "## 2 Keepers and machines",
                "## 3 Lighthouses today");
        assertThat(provider.requests()).allSatisfy(q -> {
            assertThat(q.system()).contains("expanded for a reader new to the subject").contains("Write in English");
            assertThat(q.user()).startsWith("Document: A Short History of Lighthouses\nSection: ");
        });
        assertThat(provider.requests()).extracting(q -> q.user().lines().skip(1).findFirst().orElseThrow())
                .contains("Section: 1 Guiding lights", "Section: 2 Keepers and machines", "Section: 3 Lighthouses today");
        int guiding = md.indexOf("## 1 Guiding lights");
        int keepers = md.indexOf("## 2 Keepers and machines");
        assertThat(md.indexOf("Explained: Passage:  " + PARAGRAPHS.get(0))).isBetween(guiding, keepers);
    }

    @Test
    void withoutAProviderTheVariantsAreSkippedWithTheReasonAndTheRestSucceeds() throws Exception {
        Path in = input("lighthouses.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = run(cli(), in, out, "-v", "text,translated,expanded");
        assertThat(r.exitCode()).as(r.toString()).isZero();

        JsonNode doc = Pdfs.document(Pdfs.manifest(out), "lighthouses.pdf");
        assertThat(doc.get("status").asText()).isEqualTo("succeeded");
        assertThat(variant(doc, "text").get("status").asText()).isEqualTo("succeeded");
        for (String name : List.of("translated", "expanded")) {
            assertThat(variant(doc, name).get("status").asText()).isEqualTo("skipped");
            assertThat(variant(doc, name).get("reason").asText()).contains("--provider-url");
        }

        // configuring a provider afterwards makes them run: the skip was keyed by "no provider"
        Cli.Result again = run(cli(), in, out, "-v", "text,translated,expanded", "--provider-url", provider.url(),
                "--provider-model", "fake-model");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(out.resolve("lighthouses/translated.md")).exists();
        assertThat(out.resolve("lighthouses/expanded.md")).exists();
    }

    @Test
    void aProviderThatIsDownSkipsTheVariantsButNotTheBatchUnlessItIsRequired() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + deadPort + "/v1";
        Path in = input("a.pdf", "b.pdf");
        Path out = tmp.resolve("out");
        // 2 attempts for each document: 4 failures, below the 5 that open the breaker
        Cli.Result r = run(cli(), in, out, "-v", "text,translated", "--provider-url", dead, "--provider-model", "m",
                "-j", "1", "--retries", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String path : List.of("a.pdf", "b.pdf")) {
            JsonNode doc = Pdfs.document(Pdfs.manifest(out), path);
            assertThat(doc.get("status").asText()).isEqualTo("succeeded");
            assertThat(variant(doc, "text").get("status").asText()).isEqualTo("succeeded");
            JsonNode translated = variant(doc, "translated");
            assertThat(translated.get("status").asText()).isEqualTo("skipped");
            assertThat(translated.get("reason").asText()).contains("provider is unavailable").contains("connection refused");
            assertThat(translated.has("cacheKey")).as("a skip for now is not cached").isFalse();
        }

        Path strict = tmp.resolve("strict");
        Cli.Result required = run(cli(), in, strict, "-v", "text,translated", "--provider-url", dead,
                "--provider-model", "m", "--provider-required", "--retries", "0");
        assertThat(required.exitCode()).as(required.toString()).isEqualTo(1);
        JsonNode failed = variant(Pdfs.document(Pdfs.manifest(strict), "a.pdf"), "translated");
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("kind").asText()).isEqualTo("provider-error");
        assertThat(failed.get("error").get("remedy").asText()).contains("--provider-url");
        assertThat(Files.readString(strict.resolve("a/text.txt"))).contains("Lighthouses guided ships");
    }

    @Test
    void theBreakerOpensAfterFiveFailuresAndTheRemainingDocumentsSkipAtOnce() throws Exception {
        provider.otherwise(FakeProvider.status(500, "the model crashed"));
        Path in = input("d1.pdf", "d2.pdf", "d3.pdf", "d4.pdf", "d5.pdf", "d6.pdf");
        Path out = tmp.resolve("out");
        Path metrics = tmp.resolve("metrics.prom");
        Path events = tmp.resolve("events.ndjson");
        Cli.Result r = run(cli(), in, out, "-v", "text,translated", "-j", "1", "--provider-url", provider.url(),
                "--provider-model", "fake-model", "--metrics-file", metrics.toString(), "--events", events.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        // d1: 3 attempts (2 retries); d2: 2 more, the 5th failure opens the breaker; d3..d6: none
        assertThat(provider.count()).isEqualTo(5);
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(variant(Pdfs.document(manifest, "d1.pdf"), "translated").get("reason").asText())
                .contains("HTTP 500: the model crashed").contains("(3 attempts)");
        for (String path : List.of("d3.pdf", "d4.pdf", "d5.pdf", "d6.pdf")) {
            JsonNode doc = Pdfs.document(manifest, path);
            assertThat(doc.get("status").asText()).isEqualTo("succeeded");
            assertThat(variant(doc, "translated").get("status").asText()).isEqualTo("skipped");
            assertThat(variant(doc, "translated").get("reason").asText()).contains("circuit breaker is open");
        }
        assertThat(Files.readString(metrics)).contains("pdfvariants_circuit_breaker_state{name=\"provider\"} 2.0")
                .contains("pdfvariants_provider_requests_total{model=\"fake-model\",outcome=\"server-error\"} 5.0")
                .contains("pdfvariants_retries_total{reason=\"provider-error\"} 4.0"); // d2's 2nd retry meets the open breaker
        List<JsonNode> lines = ndjson(events);
        assertThat(lines).filteredOn(e -> e.get("type").asText().equals("circuit.opened")).hasSize(1);
        assertThat(lines).filteredOn(e -> e.get("type").asText().equals("provider.request")).hasSize(5)
                .allSatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(500));
    }

    @Test
    void aReRunAfterAPartialFailureSendsOnlyTheMissingChunks() throws Exception {
        String failing = PARAGRAPHS.get(2).substring(0, 30);
        provider.when(q -> q.user().contains(failing), FakeProvider.status(503, "busy"));
        Path in = input("lighthouses.pdf");
        Path out = tmp.resolve("out");
        String[] small = {"-v", "translated", "--provider-url", provider.url(), "--provider-model", "fake-model",
            "--provider-context", "512", "--provider-max-tokens", "96", "--retries", "1", "--provider-concurrency", "2"};

        Cli.Result first = run(cli(), in, out, small);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, Long> firstByChunk = byChunk(provider.requests());
        assertThat(firstByChunk).as("the document is cut into several chunks").hasSizeGreaterThanOrEqualTo(4);
        assertThat(firstByChunk.get(failing)).as("the failing chunk was tried twice (1 retry)").isEqualTo(2);
        JsonNode skipped = variant(Pdfs.document(Pdfs.manifest(out), "lighthouses.pdf"), "translated");
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        int chunks = firstByChunk.size();
        assertThat(skipped.get("reason").asText()).contains((chunks - 1) + " of " + chunks + " chunks are done and kept");
        assertThat(out.resolve("lighthouses/translated.md")).doesNotExist();
        assertThat(storedAnswers(out)).hasSize(chunks - 1);

        provider.reset();
        int before = provider.count();
        Cli.Result second = run(cli(), in, out, small);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<FakeProvider.Received> resent = provider.requests().subList(before, provider.count());
        assertThat(resent).as("only the chunk that failed is sent again").singleElement()
                .satisfies(q -> assertThat(q.user()).contains(failing));
        String md = Files.readString(out.resolve("lighthouses/translated.md"));
        for (String p : PARAGRAPHS) {
            assertThat(md).contains(p.substring(0, 30));
        }

        int after = provider.count();
        Cli.Result third = run(cli(), in, out, small);
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(provider.count()).as("a finished variant is cached as a whole").isEqualTo(after);
        assertThat(variant(Pdfs.document(Pdfs.manifest(out), "lighthouses.pdf"), "translated").get("reason").asText())
                .isEqualTo("cached");

        Cli.Result other = run(cli(), in, out, "-v", "translated", "--provider-url", provider.url(),
                "--provider-model", "fake-model", "--provider-context", "512", "--provider-max-tokens", "96",
                "--target-language", "French");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(provider.count() - after).as("another language asks for every chunk").isEqualTo(chunks);
        assertThat(storedAnswers(out)).as("answers for the old options are pruned").hasSize(chunks);
    }

    @Test
    void providerRequestsAreSpansUnderTheirVariantWithModelTokensAndStatus() throws Exception {
        provider.then(FakeProvider.status(502, "bad gateway"));
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Path in = input("lighthouses.pdf");
            Path out = tmp.resolve("out");
            Cli.Result r = run(cli(), in, out, "-v", "translated", "--provider-url", provider.url(),
                    "--provider-model", "fake-model", "--tracing", "--otlp-endpoint", collector.url());
            assertThat(r.exitCode()).as(r.toString()).isZero();

            List<OtlpReceiver.Received> requests = collector.named("provider.request");
            assertThat(requests).hasSize(2);
            OtlpReceiver.Received variantSpan = collector.named("variant translated").get(0);
            assertThat(requests).allSatisfy(s -> {
                assertThat(s.parentSpanId()).isEqualTo(variantSpan.spanId());
                assertThat(s.attributes()).containsEntry("gen_ai.request.model", "fake-model")
                        .containsEntry("gen_ai.operation.name", "chat");
            });
            assertThat(requests).filteredOn(OtlpReceiver.Received::isError).singleElement()
                    .satisfies(s -> assertThat(s.attributes()).containsEntry("http.response.status_code", "502")
                            .containsEntry("error.type", "server-error"));
            assertThat(requests).filteredOn(s -> !s.isError()).singleElement().satisfies(s -> {
                assertThat(s.attributes()).containsEntry("http.response.status_code", "200");
                assertThat(Long.parseLong(s.attributes().get("gen_ai.usage.input_tokens"))).isPositive();
                assertThat(Long.parseLong(s.attributes().get("gen_ai.usage.output_tokens"))).isPositive();
            });
        }
    }

    @Test
    void providerMetricsCountRequestsTokensAndLatency() throws Exception {
        Path in = input("lighthouses.pdf");
        Path out = tmp.resolve("out");
        Path metrics = tmp.resolve("metrics.prom");
        Cli.Result r = run(cli(), in, out, "-v", "translated,expanded", "--provider-url", provider.url(),
                "--provider-model", "fake-model", "--metrics-file", metrics.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String text = Files.readString(metrics);
        int requests = provider.count();
        assertThat(text)
                .contains("pdfvariants_provider_requests_total{model=\"fake-model\",outcome=\"ok\"} " + requests + ".0")
                .contains("pdfvariants_provider_tokens_total{model=\"fake-model\",type=\"prompt\"}")
                .contains("pdfvariants_provider_tokens_total{model=\"fake-model\",type=\"completion\"}")
                .contains("pdfvariants_provider_request_duration_seconds_count{model=\"fake-model\"} " + requests)
                .contains("pdfvariants_circuit_breaker_state{name=\"provider\"} 0.0");
    }

    @Test
    void inWorkerProcessesTheKeyReachesTheWorkersAndTheirRequestsAreCountedByTheRun() throws Exception {
        Path in = input("a.pdf", "b.pdf");
        Path out = tmp.resolve("out");
        Path events = tmp.resolve("events.ndjson");
        Path metrics = tmp.resolve("metrics.prom");
        Cli.Result r = run(cli().env("PDFVARIANTS_PROVIDER_KEY", "sk-worker-0c4e"), in, out, "-v", "translated",
                "--isolation", "process", "-j", "1", "--provider-url", provider.url(), "--provider-model",
                "fake-model", "--events", events.toString(), "--metrics-file", metrics.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        assertThat(Files.readString(out.resolve("b/translated.md"))).contains("## [T] 3 Lighthouses today");
        assertThat(provider.requests()).hasSize(2)
                .allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer sk-worker-0c4e"));
        assertThat(ndjson(events)).filteredOn(e -> e.get("type").asText().equals("provider.request")).hasSize(2)
                .extracting(e -> e.get("path").asText()).containsExactlyInAnyOrder("a.pdf", "b.pdf");
        assertThat(Files.readString(metrics))
                .contains("pdfvariants_provider_requests_total{model=\"fake-model\",outcome=\"ok\"} 2.0");
    }

    @Test
    void aBadProviderOptionIsAUsageErrorNamingIt() throws Exception {
        Path in = input("lighthouses.pdf");
        Cli.Result noModel = cli().run("run", in.toString(), "-o", tmp.resolve("o1").toString(), "--provider-url",
                provider.url());
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("--provider-url needs --provider-model");
        Cli.Result small = cli().run("run", in.toString(), "-o", tmp.resolve("o2").toString(), "--provider-url",
                provider.url(), "--provider-model", "m", "--provider-context", "1000", "--provider-max-tokens", "900");
        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(small.err()).contains("--provider-context");
        Cli.Result credentials = cli().run("run", in.toString(), "-o", tmp.resolve("o3").toString(),
                "--provider-url", "http://user:secret@localhost:8080/v1", "--provider-model", "m");
        assertThat(credentials.exitCode()).isEqualTo(2);
        assertThat(credentials.err()).contains("must not carry credentials").doesNotContain("secret");
    }

    @Test
    void aPlantedKeyNeverAppearsInLogsEventsManifestSpansMetricsOrOutputs() throws Exception {
        String key = "sk-planted-provider-key-8d21f0";
        provider.then(FakeProvider.status(401, "Incorrect API key provided: " + key));
        Path in = input("a.pdf", "b.pdf");
        Path keyFile = Files.writeString(tmp.resolve("provider.key"), key + "\n");
        List<Cli.Result> results = new ArrayList<>();
        try (OtlpReceiver collector = new OtlpReceiver()) {
            results.add(run(cli().env("PDFVARIANTS_PROVIDER_KEY", key), in, tmp.resolve("out1"), "-v",
                    "translated,expanded", "-j", "1", "--provider-url", provider.url(), "--provider-model", "fake-model",
                    "--json", "--verbose", "--log-level", "trace", "--log-format", "json", "--log-file",
                    tmp.resolve("run.log").toString(), "--events", tmp.resolve("events.ndjson").toString(),
                    "--metrics-file", tmp.resolve("metrics.prom").toString(), "--tracing", "--otlp-endpoint",
                    collector.url()));
            results.add(run(cli(), in, tmp.resolve("out2"), "-v", "translated", "--provider-url", provider.url(),
                    "--provider-model", "fake-model", "--provider-key-file", keyFile.toString(), "--events", "-",
                    "--verbose", "--log-level", "debug"));
            results.add(run(cli().env("OPENAI_API_KEY", key), in, tmp.resolve("out3"), "-v", "translated",
                    "--provider-url", provider.url(), "--provider-model", "fake-model", "--dry-run"));

            assertThat(results.get(0).exitCode()).as(results.get(0).toString()).isZero();
            assertThat(provider.requests()).as("the key did reach the server").isNotEmpty()
                    .allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer " + key));
            JsonNode refused = variant(Pdfs.document(Pdfs.manifest(tmp.resolve("out1")), "a.pdf"), "translated");
            assertThat(refused.get("reason").asText()).contains("Incorrect API key provided: ****");
            assertThat(results.get(2).out()).contains("provider key").contains("****")
                    .contains("environment variable OPENAI_API_KEY");
            assertThat(collector.named("provider.request")).isNotEmpty();

            for (Cli.Result r : results) {
                assertThat(r.out()).doesNotContain(key);
                assertThat(r.err()).doesNotContain(key);
            }
            for (String name : List.of("out1", "out2", "out3", "run.log", "events.ndjson", "metrics.prom")) {
                Path path = tmp.resolve(name);
                if (!Files.exists(path)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                                .as(file.toString()).doesNotContain(key);
                    }
                }
            }
            assertThat(Files.readString(tmp.resolve("run.log"))).as("the run did log").contains("provider");
            for (OtlpReceiver.Received span : collector.spans()) {
                assertThat(span.span().toString()).doesNotContain(key);
            }
        }
    }

    private static Map<String, Long> byChunk(List<FakeProvider.Received> requests) {
        return requests.stream().collect(Collectors.groupingBy(q -> {
            for (String p : PARAGRAPHS) {
                if (q.user().contains(p.substring(0, 30))) {
                    return p.substring(0, 30);
                }
            }
            return q.user();
        }, Collectors.counting()));
    }

    private static List<Path> storedAnswers(Path out) throws IOException {
        Path dir = out.resolve("_run/provider/lighthouses/translated");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    static List<JsonNode> ndjson(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }
}
