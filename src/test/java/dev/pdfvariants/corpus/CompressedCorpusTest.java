package dev.pdfvariants.corpus;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.PdfTools;
import dev.pdfvariants.testing.Pdfs;

/**
 * {@code compressed} over the whole shared corpus, hostile files included: never larger than its
 * input, same page count and same text (pdftotext) as the input, and valid for qpdf whenever the
 * input was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressedCorpusTest {
    /** Folders whose files pdftotext reads in reasonable time (malformed/ holds a 2-minute bomb). */
    private static final List<String> TEXT_CHECKED = List.of("text/", "papers/", "outline/", "images/", "lang/", "scanned/");

    @TempDir
    static Path tmp;

    private Path out;
    private JsonNode manifest;

    @BeforeAll
    void compressTheCorpusOnce() throws IOException {
        Path corpus = Corpus.require();
        out = tmp.resolve("out");
        Cli.Result r = cli().run("run", corpus.toString(), "-o", out.toString(), "-v", "compressed", "-j", "2",
                "--timeout", "60s", "--progress", "none");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1); // the unreadable and encrypted ones
        manifest = Pdfs.manifest(out);
    }

    private List<JsonNode> compressed() {
        List<JsonNode> docs = new java.util.ArrayList<>();
        for (JsonNode d : manifest.get("documents")) {
            if (d.get("status").asText().equals("succeeded")) {
                docs.add(d);
            }
        }
        return docs;
    }

    private Path output(JsonNode doc) {
        return out.resolve(doc.at("/variants/0/outputs/0/path").asText());
    }

    @Test
    void neverLargerThanTheInputAndSmallerOverall() throws IOException {
        List<JsonNode> docs = compressed();
        assertThat(docs).hasSizeGreaterThan(50);
        long in = 0;
        long written = 0;
        for (JsonNode d : docs) {
            long size = Files.size(output(d));
            assertThat(size).as(d.get("path").asText()).isLessThanOrEqualTo(d.get("bytes").asLong());
            in += d.get("bytes").asLong();
            written += size;
        }
        assertThat((double) written / in).as("total ratio").isLessThan(0.9);
    }

    @Test
    void pageCountAndTextAreUnchanged() throws IOException {
        PdfTools.requirePdftotext();
        for (JsonNode d : compressed()) {
            String path = d.get("path").asText();
            Path source = Path.of(d.get("source").asText());
            assertThat(PdfTools.pdfboxPages(output(d), null)).as(path).isEqualTo(d.get("pages").asInt());
            if (TEXT_CHECKED.stream().anyMatch(path::startsWith)) {
                assertThat(PdfTools.pdftotext(output(d))).as(path).isEqualTo(PdfTools.pdftotext(source));
            }
        }
    }

    @Test
    void outputsPassQpdfCheckWheneverTheirInputDoes() throws IOException {
        PdfTools.requireQpdf();
        int checked = 0;
        for (JsonNode d : compressed()) {
            Path source = Path.of(d.get("source").asText());
            if (PdfTools.run(List.of("qpdf", "--check", source.toString())).exitCode() == 0) {
                PdfTools.assertQpdfCheckPasses(output(d), null);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }
}
