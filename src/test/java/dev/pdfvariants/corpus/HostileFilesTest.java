package dev.pdfvariants.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.PeakHeapMain;
import dev.pdfvariants.testing.Pdfs;

/**
 * Every variant that needs no endpoint, over the hostile corpus files (enormous images,
 * decompression bombs, page-count lies, loops), in a separate JVM with a 256 MiB heap and two
 * workers: every file succeeds or fails with a named error class; none runs out of memory, times
 * out, or takes the process down (nor, through the heap two workers share, fails the other file).
 */
class HostileFilesTest {
    private static final String HEAP = "256m";
    private static final String VARIANTS = "text,metadata,summary,outline,topics,highlights,notes,quiz,presentation,"
            + "abridged,thumbnails,images,split,compressed,watermarked,sanitized,encrypted";

    @TempDir
    Path tmp;

    @Test
    void hostileFilesSucceedOrFailCleanlyInASmallHeapWithEveryVariant() throws IOException, InterruptedException {
        Path malformed = Corpus.require().resolve("malformed");
        Path out = tmp.resolve("out");
        Path peakFile = tmp.resolve("peak-heap");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + HEAP, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dpdfvariants.peakHeapFile=" + peakFile, "-cp", System.getProperty("java.class.path"),
                PeakHeapMain.class.getName(), "run", malformed.toString(), "-o", out.toString(), "-v",
                VARIANTS, "--pages", "all", "-j", "2", "--timeout", "60s", "--progress", "none");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile());
        builder.environment().put("PDFVARIANTS_ENCRYPT_PASSWORD", "hostile-test");
        Process p = builder.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("log"), StandardCharsets.UTF_8);
        assertThat(finished).as("finished:\n" + log).isTrue();
        assertThat(p.exitValue()).as(log).isEqualTo(1); // some files are not PDFs at all
        assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");

        JsonNode manifest = Pdfs.manifest(out);
        try (var files = Files.list(malformed)) {
            assertThat(manifest.get("documents")).hasSize((int) files.count());
        }
        for (JsonNode d : manifest.get("documents")) {
            String path = d.get("path").asText();
            if (d.get("status").asText().equals("failed")) {
                JsonNode error = d.has("error") ? d.get("error") : firstVariantError(d);
                assertThat(error).as(path).isNotNull();
                assertThat(error.get("kind").asText()).as(path + ": " + error)
                        .isNotIn("oom", "timeout", "internal-error", "crashed");
            } else {
                assertThat(d.get("status").asText()).as(path).isEqualTo("succeeded");
            }
        }
        // the files with something to draw were drawn
        for (String doc : List.of("ocrmypdf-enormous", "gen-flate-bomb", "pdfjs-bomb-giant", "gen-page-count-lie")) {
            assertThat(out.resolve(doc + "/thumbnails/page-1.png")).as(doc).isRegularFile();
        }
        // a decompression bomb's page is split off as it is, still compressed
        assertThat(out.resolve("gen-flate-bomb/pages/page-1.pdf")).isRegularFile();
        // the enormous image was drawn from a subsampled decode, not left out
        assertThat(String.valueOf(Pdfs.document(manifest, "ocrmypdf-enormous.pdf").get("warnings")))
                .doesNotContain("left out");
        long peak = Long.parseLong(Files.readString(peakFile).strip());
        System.out.printf("hostile files: peak heap %d MiB with -Xmx%s%n", peak >> 20, HEAP);
    }

    private static JsonNode firstVariantError(JsonNode d) {
        for (JsonNode v : d.get("variants")) {
            if (v.has("error")) {
                return v.get("error");
            }
        }
        return null;
    }

}
