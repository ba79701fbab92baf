package dev.pdfvariants.fuzz;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

/**
 * Fuzzing: a few hundred damaged copies of the sample PDFs (truncated, bytes flipped, ranges
 * deleted; a fixed seed, so every run sees the same files) in one batch. The batch survives them
 * all, and every file ends with a status and, when it failed, a reason of a known class.
 */
class MutatedPdfsTest {
    private static final long SEED = 20261129L;
    private static final int CASES = 300;

    @TempDir
    Path tmp;

    @Test
    void theBatchSurvivesEveryMutationWithAStatusAndAReasonForEach() throws IOException {
        List<byte[]> samples;
        try (Stream<Path> files = Files.walk(Corpus.samples())) {
            samples = files.filter(p -> p.toString().endsWith(".pdf")).sorted().map(MutatedPdfsTest::read).toList();
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            byte[] original = samples.get(random.nextInt(samples.size()));
            String kind = switch (i % 3) {
                case 0 -> "truncated";
                case 1 -> "flipped";
                default -> "deleted";
            };
            Files.write(in.resolve(String.format("case-%03d-%s.pdf", i, kind)), mutate(original, kind, random));
        }

        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-j", "2", "--timeout", "30s",
                "--no-isolation-fallback", "--progress", "none");

        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("internal error");
        JsonNode manifest = Pdfs.manifest(out);
        assertThat(manifest.get("documents")).hasSize(CASES);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (JsonNode d : manifest.get("documents")) {
            String path = d.get("path").asText();
            String status = d.get("status").asText();
            assertThat(status).as(path).isIn("succeeded", "failed");
            String outcome = status;
            if (status.equals("failed")) {
                JsonNode error = Pdfs.firstError(d);
                assertThat(error).as(path).isNotNull();
                assertThat(error.get("kind").asText()).as(path + ": " + error)
                        .isIn("corrupt", "not-a-pdf", "processing-error", "password-required", "timeout", "oom");
                assertThat(error.get("message").asText()).as(path).isNotBlank();
                outcome = error.get("kind").asText();
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("mutated PDFs, by outcome: " + outcomes);
        assertThat(outcomes.keySet()).contains("succeeded", "corrupt");
    }

    private static byte[] mutate(byte[] original, String kind, Random random) {
        switch (kind) {
            case "truncated" -> {
                return Arrays.copyOf(original, 1 + random.nextInt(original.length - 1));
            }
            case "flipped" -> {
                byte[] copy = original.clone();
                int flips = 1 + random.nextInt(20);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(copy.length);
                    copy[at] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            default -> {
                int from = random.nextInt(original.length);
                int length = Math.min(original.length - from, 1 + random.nextInt(2000));
                byte[] copy = new byte[original.length - length];
                System.arraycopy(original, 0, copy, 0, from);
                System.arraycopy(original, from + length, copy, from, original.length - from - length);
                return copy;
            }
        }
    }


    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
