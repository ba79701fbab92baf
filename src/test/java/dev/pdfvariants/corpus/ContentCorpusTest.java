package dev.pdfvariants.corpus;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

/**
 * Every content variant over the samples and the shared corpus, in one run: each readable document
 * gets every variant or a reason why not, in every language there; nothing crashes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentCorpusTest {
    static final String CONTENT = "summary,outline,highlights,topics,notes,quiz,presentation,abridged";

    @TempDir
    static Path tmp;

    private Path out;
    private Cli.Result result;
    private JsonNode manifest;

    @BeforeAll
    void runOnce() throws IOException {
        Path corpus = Corpus.require();
        out = tmp.resolve("out");
        result = cli().run("run", corpus.toString(), Corpus.samples().toString(), "-o", out.toString(), "-v", CONTENT,
                "-j", "2", "--timeout", "120s", "--progress", "none");
        manifest = Pdfs.manifest(out);
    }

    @Test
    void everyReadableDocumentGetsEveryContentVariantOrAReason() {
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("internal error");
        int produced = 0;
        for (JsonNode d : manifest.get("documents")) {
            String path = d.get("path").asText();
            if (d.has("error")) {
                assertThat(d.at("/error/kind").asText()).as(path).isNotIn("internal-error", "timeout", "processing-error");
                continue;
            }
            assertThat(d.get("status").asText()).as(path).isEqualTo("succeeded");
            for (JsonNode v : d.get("variants")) {
                String status = v.get("status").asText();
                assertThat(status).as(path + " " + v).isIn("succeeded", "skipped");
                if (status.equals("skipped")) {
                    assertThat(v.get("reason").asText()).as(path + " " + v).isNotBlank();
                } else {
                    produced++;
                }
            }
        }
        assertThat(produced).isGreaterThan(200);
    }

    @Test
    void everyLanguageOfTheCorpusIsAnalysedInItsOwnLanguage() throws IOException {
        Map<String, String> expected = Map.of("lang/es-maint-guide", "es", "lang/de-pypdf-geotopo", "de",
                "lang/zh-maint-guide", "zh", "lang/ja-pdfjs-issue16538", "ja", "lang/ko-unstructured-korean-tables", "ko",
                "lang/pt-govdocs1-064034-angola-malaria", "pt", "papers/fr-olap-logs-paper", "fr",
                "text/govdocs1-027613-ibm-qmf-manual", "en");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode summary = Json.mapper().readTree(out.resolve(e.getKey() + "/summary.json").toFile());
            assertThat(summary.get("language").asText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(summary.get("summary").size()).as(e.getKey()).isPositive();
        }
    }

    @Test
    void theChineseDeckIsDrawnWithAFontThatHasItsGlyphsOrSaysWhyNot() throws IOException {
        Path slides = out.resolve("lang/zh-maint-guide/slides.pdf");
        try (PDDocument pdf = Loader.loadPDF(slides.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            JsonNode warnings = Pdfs.document(manifest, "lang/zh-maint-guide.pdf").get("warnings");
            boolean hasHan = text.codePoints().anyMatch(Character::isIdeographic);
            assertThat(hasHan || warnings != null && warnings.toString().contains("no installed font"))
                    .as("Han glyphs drawn, or a warning saying why not").isTrue();
        }
    }

    @Test
    void aDocumentWithBookmarksGetsThemAsItsOutline() throws IOException {
        JsonNode outline = Json.mapper().readTree(out.resolve("outline/pypdf-pdflatex-outline/outline.json").toFile());
        assertThat(outline.get("source").asText()).isEqualTo("bookmarks");
        assertThat(Files.readString(out.resolve("lang/es-maint-guide/outline.md"))).contains("(p. ");
    }
}
