package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.PdfFixture;

/** The title content variants put above their output: a real one, never a tool's placeholder or "Contents". */
class ContentTitleTest {
    @TempDir
    Path tmp;

    private static final String PROSE = "Rooftop gardens cool the buildings beneath them during the summer months. "
            + "The survey measured roof temperatures on forty buildings across the city over two years. "
            + "Gardens with deeper soil kept the roof cooler than those planted in shallow trays.";

    @Test
    void placeholdersAndContentsHeadingsGiveWayToThePageOrTheFileName() throws IOException {
        Path in = tmp.resolve("in");
        // a tool's placeholder in the info dictionary: the large text on the first page instead
        PdfFixture.create().metadataTitle("untitled").lines(22, true, "Rooftop Gardens Survey")
                .paragraph(PROSE).paragraph(PROSE).write(in.resolve("placeholder.pdf"));
        // a table of contents first: no title printed anywhere, so the file's name
        PdfFixture.create().lines(22, true, "Contents").lines(11, false, "1 Method 2", "2 Results 3")
                .pageBreak().paragraph(PROSE).paragraph(PROSE).write(in.resolve("toc-first.pdf"));
        // a real title in the info dictionary wins
        PdfFixture.create().metadataTitle("Microsoft Word - Green roofs in Lisbon.docx").lines(22, true, "Draft")
                .paragraph(PROSE).paragraph(PROSE).write(in.resolve("word.pdf"));
        Path out = tmp.resolve("out");
        assertThat(cli().run("run", in.toString(), "-o", out.toString(), "-v", "summary", "--progress", "none")
                .exitCode()).isZero();

        assertThat(title(out, "placeholder")).isEqualTo("Rooftop Gardens Survey");
        assertThat(title(out, "toc-first")).isEqualTo("toc-first");
        assertThat(title(out, "word")).isEqualTo("Green roofs in Lisbon");
    }

    private static String title(Path out, String document) throws IOException {
        return Json.mapper().readTree(out.resolve(document + "/summary.json").toFile()).get("title").asText();
    }

    @Test
    void infoTitlesThatAreNotTitles() {
        assertThat(Content.infoTitle("Trace-based Just-in-Time Type Specialization for Dynamic Languages"))
                .startsWith("Trace-based");
        assertThat(Content.infoTitle("  Geometrie und Topologie ")).isEqualTo("Geometrie und Topologie");
        assertThat(Content.infoTitle("Debian 新维护者手册")).isEqualTo("Debian 新维护者手册");
        assertThat(Content.infoTitle("Microsoft Word - Annual report 2019.docx")).isEqualTo("Annual report 2019");
        for (String notATitle : new String[] {null, "", "  ", "Doc", "untitled", "Untitled Document", "Layout 1",
            "Document1", "Slide 3", "PowerPoint Presentation", "report-final.pdf", "thesis.tex", "Contents",
            "Table of Contents", "Inhaltsverzeichnis", "6489122611071476 1..10", "2019-04-12"}) {
            assertThat(Content.infoTitle(notATitle)).as(String.valueOf(notATitle)).isNull();
        }
    }
}
