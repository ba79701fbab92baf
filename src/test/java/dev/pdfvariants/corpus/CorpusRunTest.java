package dev.pdfvariants.corpus;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

/** The whole shared corpus, real-world and hostile files included, in one batch (skipped when the corpus is absent). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRunTest {
    @TempDir
    static Path tmp;

    private Path corpus;
    private Path out;
    private Cli.Result result;
    private JsonNode manifest;

    @BeforeAll
    void runTheCorpusOnce() throws IOException {
        corpus = Corpus.require();
        out = tmp.resolve("out");
        result = cli().run("run", corpus.toString(), "-o", out.toString(), "-j", "2", "--timeout", "60s",
                "--progress", "none");
        manifest = Pdfs.manifest(out);
    }

    private List<String> listedFiles() throws IOException {
        return Files.readAllLines(corpus.resolve("MANIFEST.tsv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void everyFileEndsAsSucceededOrFailedWithAReasonAndNothingCrashes() throws IOException {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        Map<String, JsonNode> byPath = new HashMap<>();
        manifest.get("documents").forEach(d -> byPath.put(d.get("path").asText(), d));
        for (String file : listedFiles()) {
            JsonNode d = byPath.get(file);
            assertThat(d).as(file).isNotNull();
            String status = d.get("status").asText();
            assertThat(status).as(file).isIn("succeeded", "failed");
            if (status.equals("failed")) {
                JsonNode error = d.has("error") ? d.get("error") : firstVariantError(d);
                assertThat(error).as(file + " has a reason").isNotNull();
                assertThat(error.get("kind").asText()).as(file).isNotIn("internal-error", "timeout");
                assertThat(error.get("message").asText()).as(file).isNotBlank();
            }
        }
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private static JsonNode firstVariantError(JsonNode d) {
        for (JsonNode v : d.get("variants")) {
            if (v.has("error")) {
                return v.get("error");
            }
        }
        return null;
    }

    @Test
    void knownPhrasesAppearOnTheirKnownPages() throws IOException {
        assertThat(page("papers/pdfjs-tracemonkey", 1)).contains("Trace-based Just-in-Time Type Specialization");
        assertThat(page("lang/es-maint-guide", 1)).contains("Guía del nuevo desarrollador de Debian");
        assertThat(page("lang/de-pypdf-geotopo", 1)).contains("Einführung in die");
        assertThat(page("lang/zh-maint-guide", 1)).contains("Debian新维护者手册");
        assertThat(page("text/govdocs1-027613-ibm-qmf-manual", 3)).contains("Using QMF");
    }

    private String page(String document, int number) throws IOException {
        String[] pages = Files.readString(out.resolve(document + "/text.txt")).split("\f", -1);
        return pages[number - 1];
    }

    @Test
    void hostileAndBrokenFilesFailWithTheirOwnErrorClasses() {
        assertThat(kind("malformed/gen-zero-byte.pdf")).isEqualTo("empty-file");
        assertThat(kind("malformed/gen-html-renamed.pdf")).isEqualTo("not-a-pdf");
        assertThat(kind("malformed/gen-png-renamed.pdf")).isEqualTo("not-a-pdf");
        assertThat(kind("malformed/gen-truncated-tracemonkey-40pct.pdf")).isEqualTo("corrupt");
        assertThat(kind("encrypted/pdfbox-PasswordSample-256bit.pdf")).isEqualTo("password-required");
        // a /Count of 2147483647 must not be believed
        JsonNode lie = Pdfs.document(manifest, "malformed/gen-page-count-lie.pdf");
        assertThat(lie.get("status").asText()).isEqualTo("succeeded");
        assertThat(lie.get("pages").asInt()).isEqualTo(1);
    }

    private String kind(String path) {
        return Pdfs.document(manifest, path).at("/error/kind").asText();
    }

    @Test
    void encryptedFilesWithEmptyUserPasswordsOpenWithoutOne() {
        assertThat(Pdfs.document(manifest, "encrypted/unstructured-copy-protected.pdf").get("status").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void theManifestCountsMatchItsDocuments() throws IOException {
        Map<String, Long> byStatus = java.util.stream.StreamSupport.stream(manifest.get("documents").spliterator(), false)
                .collect(Collectors.groupingBy(d -> d.get("status").asText(), Collectors.counting()));
        assertThat(manifest.at("/counts/discovered").asInt()).isEqualTo(listedFiles().size());
        assertThat(manifest.at("/counts/succeeded").asLong()).isEqualTo(byStatus.getOrDefault("succeeded", 0L));
        assertThat(manifest.at("/counts/failed").asLong()).isEqualTo(byStatus.getOrDefault("failed", 0L));
    }
}
