package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.DocumentFixtures;
import dev.pdfvariants.testing.PdfTools;
import dev.pdfvariants.testing.Pdfs;

class SplitVariantTest {
    @TempDir
    Path tmp;

    private List<String> parts() throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve("out/chapters/pages"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rangesGiveOneFilePerRangeWithOpenEndsResolvedAndRangesPastTheEndReported() throws IOException {
        Path input = DocumentFixtures.chapters(tmp.resolve("in/chapters.pdf"));
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "split",
                "--split-ranges", "1-2, 3, 4-, 9-12", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(parts()).containsExactly("page-3.pdf", "pages-1-2.pdf", "pages-4-5.pdf");
        Path pages = tmp.resolve("out/chapters/pages");
        assertThat(PdfTools.pdfboxPages(pages.resolve("pages-1-2.pdf"), null)).isEqualTo(2);
        assertThat(PdfTools.pdfboxPages(pages.resolve("pages-4-5.pdf"), null)).isEqualTo(2);
        JsonNode doc = Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "chapters.pdf");
        assertThat(doc.get("warnings").toString()).contains("9-12").contains("past the last page");
        JsonNode options = Pdfs.manifest(tmp.resolve("out")).at("/options/split");
        assertThat(options.get("mode").asText()).isEqualTo("ranges");
        assertThat(options.get("ranges").asText()).isEqualTo("1-2,3,4-,9-12");
    }

    @Test
    void bookmarksGiveOnePartPerTopLevelBookmarkAndTheFrontMatterItsOwn() throws IOException {
        PdfTools.requirePdftotext();
        Path input = DocumentFixtures.chapters(tmp.resolve("in/chapters.pdf"));
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "split",
                "--split-mode", "bookmarks", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(parts()).containsExactly("01-front-matter.pdf", "02-chapter-one.pdf", "03-chapter-two.pdf");
        Path pages = tmp.resolve("out/chapters/pages");
        assertThat(PdfTools.pdfboxPages(pages.resolve("01-front-matter.pdf"), null)).isEqualTo(1);
        assertThat(PdfTools.pdfboxPages(pages.resolve("02-chapter-one.pdf"), null)).isEqualTo(2);
        assertThat(PdfTools.pdfboxPages(pages.resolve("03-chapter-two.pdf"), null)).isEqualTo(2);
        assertThat(PdfTools.pdftotext(pages.resolve("03-chapter-two.pdf")))
                .isEqualTo(PdfTools.pdftotext(input, null, 4, 5));
    }

    @Test
    void aDocumentWithoutBookmarksIsWrittenAsOnePartWithAWarning() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/chapters.pdf"), "No outline here.");
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "split",
                "--split-mode", "bookmarks", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(parts()).containsExactly("01-document.pdf");
        assertThat(Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "chapters.pdf").get("warnings").toString())
                .contains("no top-level bookmark");
    }

    @Test
    void rangeModeWithoutRangesIsAUsageError() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/a.pdf"), "x");
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "split",
                "--split-mode", "ranges");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--split-mode ranges needs --split-ranges");

        Cli.Result bad = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "split",
                "--split-ranges", "3-1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--split-ranges").contains("ends before it starts");
    }
}
