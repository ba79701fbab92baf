package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.PdfFixture;
import dev.pdfvariants.testing.Pdfs;

/** Every content variant on generated documents whose right answers are known, in one run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentVariantsTest {
    static final String ALL_CONTENT = "summary,outline,highlights,topics,notes,quiz,presentation,abridged";

    /** The sentences that carry the document: they share its vocabulary with most other sentences. */
    static final List<String> PLANTED = List.of(
            "Pesticide exposure weakens honeybee colonies and is a main cause of honeybee colony collapse.",
            "Honeybee colonies exposed to neonicotinoid pesticide lose foraging bees and collapse within a season.",
            "Protecting honeybee colonies from pesticide exposure keeps colony collapse rare.");

    @TempDir
    static Path tmp;

    private Path out;
    private Cli.Result run;

    static PdfFixture bees() {
        return PdfFixture.create().title("Honeybee Colony Collapse and Pesticide Exposure")
                .author("Regional Apiary Service").pageNumbers()
                .heading(1, "1 Introduction")
                .paragraph(PLANTED.get(0) + " The old mill by the river was rebuilt in brick after the fire of 1871. "
                        + "Tourists often photograph the painted doors along the harbour promenade.")
                .paragraph("A honeybee colony depends on its foraging bees to bring nectar and pollen home. "
                        + "Beekeepers count the foraging bees at the hive entrance every morning.")
                .heading(1, "2 Observations")
                .paragraph(PLANTED.get(1) + " The county fair sells pickled cucumbers in tall glass jars. "
                        + "Several orchestras rehearse in the cathedral during the winter months.")
                .paragraph("Colonies near sprayed fields showed weaker brood and fewer foraging bees. "
                        + "Pesticide residues were found in the wax of every collapsed colony.")
                .heading(1, "3 Recommendations")
                .paragraph(PLANTED.get(2) + " Railway timetables changed twice during the spring of that year. "
                        + "A famous chef opened a bakery that sells rye bread with caraway seeds.")
                .paragraph("Farmers can spray pesticide after sunset, when honeybee foraging has stopped. "
                        + "Beekeepers can move colonies away from fields before the spraying starts.");
    }

    @BeforeAll
    void runEveryContentVariantOnce() throws IOException {
        Path in = tmp.resolve("in");
        bees().write(in.resolve("bees.pdf"));
        Files.copy(Corpus.samples().resolve("reports/rooftop-gardens-report.pdf"), in.resolve("report.pdf"));
        Files.copy(Corpus.samples().resolve("es/informe-bibliotecas.pdf"), in.resolve("informe.pdf"));
        Files.copy(Corpus.samples().resolve("scanned/scanned-letter.pdf"), in.resolve("scan.pdf"));
        out = tmp.resolve("out");
        run = cli().run("run", in.toString(), "-o", out.toString(), "-v", ALL_CONTENT, "--summary-sentences", "3",
                "--progress", "none", "-j", "2");
    }

    private JsonNode json(String file) throws IOException {
        return Json.mapper().readTree(out.resolve(file).toFile());
    }

    @Test
    void theRunSucceedsAndTheScanIsSkippedWithAReason() throws IOException {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode scan = Pdfs.document(Pdfs.manifest(out), "scan.pdf");
        assertThat(scan.get("status").asText()).isEqualTo("succeeded");
        for (JsonNode v : scan.get("variants")) {
            assertThat(v.get("status").asText()).as(v.toString()).isEqualTo("skipped");
            assertThat(v.get("reason").asText()).contains("no text layer");
        }
    }

    @Test
    void theSummaryContainsThePlantedKeySentencesInDocumentOrder() throws IOException {
        JsonNode summary = json("bees/summary.json");
        List<String> sentences = new ArrayList<>();
        summary.get("summary").forEach(s -> sentences.add(s.get("text").asText()));
        assertThat(sentences).containsExactlyElementsOf(PLANTED);
        assertThat(summary.get("language").asText()).isEqualTo("en");
        assertThat(Files.readString(out.resolve("bees/summary.md"))).contains(PLANTED.get(0));
    }

    @Test
    void topicsOfADocumentAboutHoneybeesRankHoneybeeTermsFirst() throws IOException {
        JsonNode topics = json("bees/topics.json");
        String main = topics.at("/mainTopic/text").asText().toLowerCase();
        assertThat(main).containsAnyOf("honeybee", "colon", "pesticide");
        List<String> top = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            top.add(topics.at("/keywords/" + i + "/text").asText().toLowerCase());
        }
        assertThat(top).allMatch(t -> t.matches("honeybees?|colon(y|ies)|pesticides?|foraging|bees?"), "honeybee terms: " + top);
        assertThat(topics.at("/keywords/0/relevance").asDouble()).isEqualTo(1.0);
        assertThat(topics.get("keyphrases").size()).isPositive();
        assertThat(topics.get("relatedTerms").size()).isPositive();
    }

    @Test
    void theOutlineOfASampleWithBookmarksEqualsItsBookmarks() throws IOException {
        JsonNode outline = json("report/outline.json");
        assertThat(outline.get("source").asText()).isEqualTo("bookmarks");
        List<String> entries = new ArrayList<>();
        outline.get("entries").forEach(e -> entries.add(e.get("level").asInt() + " " + e.get("title").asText() + " p"
                + e.get("page").asInt()));
        try (PDDocument pdf = Loader.loadPDF(out.getParent().resolve("in/report.pdf").toFile())) {
            List<String> bookmarks = new ArrayList<>();
            collect(pdf, pdf.getDocumentCatalog().getDocumentOutline().getFirstChild(), 1, bookmarks);
            assertThat(entries).isEqualTo(bookmarks);
        }
        assertThat(Files.readString(out.resolve("report/outline.md"))).contains("  - 2.1 Sensors (p. 1)");
    }

    private static void collect(PDDocument pdf, org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem item,
            int level, List<String> into) throws IOException {
        for (; item != null; item = item.getNextSibling()) {
            into.add(level + " " + item.getTitle() + " p" + (pdf.getPages().indexOf(item.findDestinationPage(pdf)) + 1));
            collect(pdf, item.getFirstChild(), level + 1, into);
        }
    }

    @Test
    void theOutlineOfADocumentWithoutBookmarksListsItsDetectedHeadings() throws IOException {
        JsonNode outline = json("bees/outline.json");
        assertThat(outline.get("source").asText()).isEqualTo("headings");
        List<String> titles = new ArrayList<>();
        outline.get("entries").forEach(e -> titles.add(e.get("title").asText()));
        assertThat(titles).containsExactly("1 Introduction", "2 Observations", "3 Recommendations");
    }

    @Test
    void highlightsAreTheBestSentencesWithPagesAndScoresFromOneDown() throws IOException {
        JsonNode highlights = json("report/highlights.json").get("highlights");
        assertThat(highlights.size()).isEqualTo(10);
        assertThat(highlights.get(0).get("score").asDouble()).isEqualTo(1.0);
        double previous = 1.0;
        for (JsonNode h : highlights) {
            assertThat(h.get("score").asDouble()).isBetween(0.0, previous);
            assertThat(h.get("page").asInt()).isBetween(1, 2);
            previous = h.get("score").asDouble();
        }
    }

    @Test
    void everyQuizAnswerOccursInItsSentenceWhereTheBlankIs() throws IOException {
        JsonNode questions = json("bees/quiz.json").get("questions");
        assertThat(questions.size()).isPositive();
        for (JsonNode q : questions) {
            String sentence = q.get("sentence").asText();
            String answer = q.get("answer").asText();
            assertThat(sentence).contains(answer);
            assertThat(q.get("question").asText()).contains(QuizVariant.BLANK)
                    .isEqualTo(sentence.replaceFirst(java.util.regex.Pattern.quote(answer), QuizVariant.BLANK));
            List<String> options = new ArrayList<>();
            q.get("options").forEach(o -> options.add(o.asText()));
            assertThat(options).contains(answer).doesNotHaveDuplicates().hasSize(4);
            q.get("distractors").forEach(d -> assertThat(sentence.toLowerCase()).doesNotContain(d.asText().toLowerCase()));
        }
    }

    @Test
    void notesHaveOneOrTwoSentencesPerSection() throws IOException {
        String notes = Files.readString(out.resolve("report/notes.md"));
        assertThat(notes).contains("## 1 Introduction (p. 1)", "### 2.1 Sensors (p. 1)", "## 4 Conclusion (p. 2)");
        for (String section : notes.split("\n#+ ")) {
            assertThat(section.lines().filter(l -> l.startsWith("- ")).count()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void abridgedKeepsAboutTheRatioOfTheTextInOriginalOrder() throws IOException {
        String abridged = Files.readString(out.resolve("report/abridged.md"));
        assertThat(abridged).startsWith("# Rooftop Gardens and Urban Heat: A Field Report");
        try (PDDocument pdf = Loader.loadPDF(out.getParent().resolve("in/report.pdf").toFile())) {
            var model = new dev.pdfvariants.document.DocumentContext(new dev.pdfvariants.discover.SourceFile(
                    Path.of("report.pdf"), "report.pdf"), pdf, 0, "0", dev.pdfvariants.config.VariantSettings.defaults(),
                    dev.pdfvariants.document.Cancellation.none()).textModel();
            long all = 0;
            long kept = 0;
            int lastOffset = -1;
            for (var sentence : model.sentences()) {
                if (!sentence.prose()) {
                    continue;
                }
                all += sentence.text().length();
                int at = abridged.indexOf(sentence.text());
                if (at >= 0) {
                    kept += sentence.text().length();
                    assertThat(at).as("in original order: " + sentence.text()).isGreaterThan(lastOffset);
                    lastOffset = at;
                }
            }
            assertThat((double) kept / all).isBetween(0.3, 0.45);
        }
    }

    @Test
    void slidesPdfOpensHasOnePagePerSlideEmbedsItsFontAndPassesQpdf() throws Exception {
        Path pdf = out.resolve("report/slides.pdf");
        String md = Files.readString(out.resolve("report/slides.md"));
        long slides = md.lines().filter(l -> l.equals("---")).count() + 1;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo((int) slides).isGreaterThan(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Rooftop Gardens and Urban Heat", "3 Results");
            PDFont font = doc.getPage(1).getResources().getFont(doc.getPage(1).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("informe/slides.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Las bibliotecas públicas");
        }
        assumeTrue(onPath("qpdf"), "qpdf not installed");
        Process p = new ProcessBuilder("qpdf", "--check", pdf.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    void theSpanishSampleIsAnalysedAsSpanish() throws IOException {
        assertThat(json("informe/summary.json").get("language").asText()).isEqualTo("es");
        assertThat(json("informe/topics.json").at("/mainTopic/text").asText()).isNotBlank();
    }

    @Test
    void theOptionsTheVariantsReadAreRecordedForTheCacheKey() throws IOException {
        String manifest = Files.readString(out.resolve("_run/manifest.json"));
        assertThat(manifest).contains("summary-sentences").contains("abridged-ratio");
        Cli.Result both = cli().run("run", out.getParent().resolve("in").toString(), "-o", tmp.resolve("x").toString(),
                "-v", "summary", "--summary-sentences", "3", "--summary-ratio", "0.1");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--summary-sentences and --summary-ratio");
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
