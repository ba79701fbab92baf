package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.testing.PdfFixture;
import dev.pdfvariants.testing.SampleGenerator;

class TextModelTest {
    @TempDir
    Path tmp;

    static final String FILLER = "The measurements were repeated on several days so that a single unusual afternoon "
            + "could not decide the outcome. Each reading was checked against the station record before it was used. ";

    static PdfFixture handbook(boolean bookmarks) {
        PdfFixture f = PdfFixture.create().title("Field Handbook for Water Sampling")
                .runningHeader("Water Sampling Handbook - Internal Edition").pageNumbers();
        if (bookmarks) {
            f.bookmarks();
        }
        return f.heading(1, "1 Preparing the Equipment").paragraph(FILLER + FILLER)
                .heading(2, "1.1 Bottles and Labels").paragraph(FILLER)
                .heading(2, "1.2 Cooling Boxes").paragraph(FILLER + FILLER)
                .heading(1, "2 Taking Samples").paragraph(FILLER)
                .heading(2, "2.1 Rivers").paragraph(FILLER + FILLER + FILLER)
                .heading(2, "2.2 Wells").paragraph(FILLER)
                .heading(1, "3 Transport to the Laboratory").paragraph(FILLER + FILLER)
                .pageBreak()
                .heading(1, "4 Records").paragraph(FILLER);
    }

    static DocumentContext context(PDDocument pdf, String name) {
        return new DocumentContext(new SourceFile(Path.of(name), name), pdf, 0, "0", VariantSettings.defaults(),
                Cancellation.none());
    }

    @Test
    void headingsOfADocumentWithoutBookmarksAreDetectedWithTheirLevels() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(handbook(false).bytes())) {
            DocumentContext doc = context(pdf, "handbook.pdf");
            Outline outline = doc.outline();

            assertThat(outline.source()).isEqualTo(Outline.HEADINGS);
            assertThat(outline.entries()).extracting(OutlineEntry::title).containsExactly(
                    "1 Preparing the Equipment", "1.1 Bottles and Labels", "1.2 Cooling Boxes", "2 Taking Samples",
                    "2.1 Rivers", "2.2 Wells", "3 Transport to the Laboratory", "4 Records");
            assertThat(outline.entries()).extracting(OutlineEntry::level).containsExactly(1, 2, 2, 1, 2, 2, 1, 1);
            assertThat(outline.entries().get(outline.entries().size() - 1).page()).isEqualTo(pdf.getNumberOfPages());
            assertThat(doc.textModel().title()).isEqualTo("Field Handbook for Water Sampling");
        }
    }

    @Test
    void bookmarksWinOverDetectedHeadingsAndAreLocatedInTheText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SampleGenerator.report().bytes())) {
            Outline outline = context(pdf, "report.pdf").outline();

            assertThat(outline.source()).isEqualTo(Outline.BOOKMARKS);
            assertThat(outline.entries()).extracting(OutlineEntry::title).containsExactly("1 Introduction", "2 Method",
                    "2.1 Sensors", "2.2 Weather data", "3 Results", "3.1 Rainwater", "3.2 Costs", "4 Conclusion");
            assertThat(outline.entries()).allMatch(e -> e.block() >= 0);
        }
    }

    @Test
    void runningHeadersAndPageNumbersAreRemovedFromTheModelButTheTextIsKept() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(handbook(false).bytes())) {
            DocumentContext doc = context(pdf, "handbook.pdf");
            TextModel model = doc.textModel();

            assertThat(doc.pageTexts().pages().get(0)).contains("Water Sampling Handbook - Internal Edition", "Page 1");
            assertThat(model.blocks()).noneMatch(b -> b.text().contains("Internal Edition"))
                    .noneMatch(b -> b.text().matches(".*Page \\d+.*"));
            assertThat(model.sentences()).anyMatch(s -> s.text().equals(
                    "Each reading was checked against the station record before it was used."));
        }
    }

    @Test
    void hyphensAtLineEndsAreUndoneOnlyInsideWords() {
        StringBuilder text = new StringBuilder("The conver-");
        Blocks.join(text, "sion of documents");
        assertThat(text).hasToString("The conversion of documents");
        StringBuilder name = new StringBuilder("Jean-");
        Blocks.join(name, "Pierre wrote it");
        assertThat(name).hasToString("Jean-Pierre wrote it");
        StringBuilder plain = new StringBuilder("first line");
        Blocks.join(plain, "second line");
        assertThat(plain).hasToString("first line second line");
    }

    @Test
    void sentencesSplitAtFullStopsButNotAfterAbbreviationsInitialsOrDecimals() {
        assertThat(new SentenceSplitter("en").split("Dr. Smith measured 3.5 degrees, e.g. at noon. J. R. Brown "
                + "disagreed! Did it rain? Yes.")).containsExactly("Dr. Smith measured 3.5 degrees, e.g. at noon.",
                        "J. R. Brown disagreed!", "Did it rain?", "Yes.");
        assertThat(new SentenceSplitter("de").split("Das gilt z. B. am 3. Oktober. Danach nicht mehr."))
                .containsExactly("Das gilt z. B. am 3. Oktober.", "Danach nicht mehr.");
        assertThat(new SentenceSplitter("es").split("¿Quién usa la biblioteca? Sobre todo estudiantes."))
                .containsExactly("¿Quién usa la biblioteca?", "Sobre todo estudiantes.");
        assertThat(new SentenceSplitter("zh").split("这是第一句。这是第二句！"))
                .containsExactly("这是第一句。", "这是第二句！");
    }

    @Test
    void proseIsToldApartFromTableRowsAndLabels() {
        var en = dev.pdfvariants.text.nlp.Languages.of("en");
        assertThat(TextModelBuilder.isProse("Planted roofs stayed much cooler than bitumen roofs.", en)).isTrue();
        assertThat(TextModelBuilder.isProse("NAME DEPT JOB YEARS SALARY COMM", en)).isFalse();
        assertThat(TextModelBuilder.isProse("12.5 13.1 14.2 15.0 16.8 17.7 18.1", en)).isFalse();
        assertThat(TextModelBuilder.isProse("Figure 3: Roof temperature over the day in July", en)).isFalse();
    }

    static List<String> titles(Outline o) {
        return o.entries().stream().map(OutlineEntry::title).toList();
    }
}
