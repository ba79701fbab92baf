package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import dev.pdfvariants.testing.PdfFixture;

/**
 * Headings detected in generated documents that hold what real reports showed as false headings:
 * key figures and table cells set larger than the body, captions in a heading style, a table of
 * contents, numbered lists, chapter labels; and real headings the detector used to miss.
 */
class HeadingDetectorTest {
    static final String FILLER = TextModelTest.FILLER;

    /** A box of key figures: short labels in 13 pt over numbers, between two sections. */
    static PdfFixture keyFigures() {
        return PdfFixture.create().title("Malaria Indicator Survey 2006")
                .heading(1, "1 Survey Results").paragraph(FILLER + FILLER)
                .lines(13, false, "Provinces surveyed").lines(13, false, "18 of 18")
                .lines(13, false, "Households interviewed").lines(13, false, "8 030")
                .lines(13, false, "Women interviewed").lines(13, false, "9 480")
                .lines(13, false, "Children tested").lines(13, false, "7 250")
                .paragraph(FILLER)
                .heading(1, "2 Discussion").paragraph(FILLER + FILLER);
    }

    /**
     * Tables set smaller than the body carry more characters than the paragraphs, and a staff list
     * sits at body size: the body is the prose's size, so the names are not "larger" headings.
     */
    static PdfFixture tablesOutweighProse() {
        PdfFixture f = PdfFixture.create().title("Household Survey Report")
                .heading(1, "1 Households").paragraph(FILLER + FILLER);
        String[] rows = new String[28];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = String.format("Province %02d  urban 12.%d  rural 31.%d  total 43.%d  women 51.%d  men 48.%d  share 0.%d", i,
                    i % 10, (i + 3) % 10, (i + 5) % 10, (i + 7) % 10, (i + 2) % 10, (i + 4) % 10);
        }
        f.lines(8, false, rows).paragraph(FILLER)
                .heading(1, "2 Survey Team").paragraph(FILLER)
                .lines(11, false, "Survey Director Nlando Mia Veta").paragraph("Field Coordinator Jose Ricardo Mbuta")
                .paragraph("Data Manager Zatandu Mbiki Zola").paragraph("Field Editor Maria Nguve")
                .paragraph(FILLER);
        return f;
    }

    /** Chart and table captions set in the style of sub-headings, in Portuguese and Spanish. */
    static PdfFixture captions() {
        return PdfFixture.create().title("Inquérito de Indicadores")
                .heading(1, "1 População").paragraph(FILLER + FILLER)
                .heading(2, "Gráfico 1.1 Pirâmide da população por idade").lines(9, false, "0-4  5-9  10-14  15-19  20-24")
                .paragraph(FILLER)
                .heading(2, "Quadro 2 Taxas de resposta").lines(9, false, "Urbana 98.1  Rural 97.4  Total 97.8")
                .paragraph(FILLER)
                .heading(2, "Cuadro 3.2 Cobertura de vacunación").paragraph(FILLER)
                .heading(1, "2 Fecundidade").paragraph(FILLER + FILLER);
    }

    /** A table of contents whose chapter entries are bold and numbered, like the chapters themselves. */
    static PdfFixture tableOfContents() {
        PdfFixture f = PdfFixture.create().title("Field Handbook").heading(1, "Contents");
        String[] chapters = {"Preparing the Equipment", "Taking Samples", "Transport", "Records", "Quality Control"};
        for (int c = 0; c < chapters.length; c++) {
            int n = c + 1;
            f.lines(11, true, n + ". " + chapters[c] + " " + (n * 4 - 3));
            f.lines(11, false, n + ".1 Bottles, labels and the order they are packed in . . . . . . " + (n * 4 - 3),
                    n + ".2 Cooling boxes and what keeps them cold on the road . . . . " + (n * 4 - 2),
                    n + ".3 What to do when something is missing on the day . . . . . " + (n * 4 - 1));
        }
        f.pageBreak();
        for (String chapter : chapters) {
            f.heading(1, (List.of(chapters).indexOf(chapter) + 1) + ". " + chapter).paragraph(FILLER + FILLER);
        }
        return f;
    }

    /**
     * A table of contents over two pages: the second has no title, and a part label set larger
     * than the entries sits among them.
     */
    static PdfFixture continuedTableOfContents() {
        PdfFixture f = PdfFixture.create().title("Field Handbook").heading(1, "Contents");
        for (int n = 1; n <= 6; n++) {
            f.lines(11, false, n + ". Chapter number " + n + " and what it covers . . . . . " + (n * 3));
        }
        f.pageBreak();
        for (int n = 7; n <= 11; n++) {
            f.lines(11, false, n + ". Chapter number " + n + " and what it covers . . . . . " + (n * 3));
        }
        f.lines(14, true, "Appendices");
        for (char a = 'A'; a <= 'C'; a++) {
            f.lines(11, false, a + ". Appendix " + a + " and its tables . . . . . " + (40 + a - 'A'));
        }
        f.pageBreak().heading(1, "1. Chapter number 1 and what it covers").paragraph(FILLER + FILLER);
        return f;
    }

    /** A numbered list of objectives at body size, each item its own short paragraph. */
    static PdfFixture numberedList() {
        return PdfFixture.create().title("Survey Protocol")
                .heading(1, "1 Objectives").paragraph("The survey had four objectives, agreed with the ministry in advance.")
                .paragraph("1. Estimate the prevalence of malaria in young children")
                .paragraph("2. Estimate the prevalence of anaemia in women")
                .paragraph("3. Measure the coverage of indoor spraying")
                .paragraph("4. Measure the use of treated bed nets")
                .paragraph(FILLER)
                .heading(1, "2 Method").paragraph(FILLER + FILLER);
    }

    /** Chapter labels set above each chapter's title, as DocBook and many book styles do. */
    static PdfFixture chapterLabels() {
        return PdfFixture.create().title("Maintainers' Guide")
                .heading(1, "Chapter 1").heading(1, "Getting Started").paragraph(FILLER + FILLER)
                .heading(2, "1.1 Social dynamics").paragraph(FILLER)
                .pageBreak()
                .heading(1, "Chapter 2").heading(1, "First Steps").paragraph(FILLER + FILLER)
                .heading(2, "2.1 Workflow").paragraph(FILLER);
    }

    /** Headings the detector used to miss: a file name after its number, unnumbered bold headings at body size. */
    static PdfFixture quietHeadings() {
        return PdfFixture.create().title("Packaging Notes")
                .heading(1, "1 Required files").paragraph(FILLER)
                .heading(2, "1.1 control").paragraph(FILLER + FILLER)
                .heading(2, "1.2 changelog").paragraph(FILLER + FILLER)
                .heading(3, "Methods").paragraph(FILLER + FILLER)
                .heading(3, "Results").paragraph(FILLER + FILLER);
    }

    private static List<String> headings(PdfFixture fixture) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(fixture.bytes())) {
            return TextModelTest.context(pdf, "fixture.pdf").textModel().headings().stream().map(Block::text).toList();
        }
    }

    @Test
    void keyFiguresSetLargerThanTheBodyAreNotHeadings() throws IOException {
        assertThat(headings(keyFigures())).containsExactly("1 Survey Results", "2 Discussion");
    }

    @Test
    void theBodyIsTheSizeOfTheProseEvenWhenSmallerTablesHoldMoreText() throws IOException {
        assertThat(headings(tablesOutweighProse())).containsExactly("1 Households", "2 Survey Team");
    }

    @Test
    void captionsSetLikeSubHeadingsAreNotHeadings() throws IOException {
        assertThat(headings(captions())).containsExactly("1 População", "2 Fecundidade");
    }

    @Test
    void entriesOfATableOfContentsAreNotHeadingsButItsTitleIs() throws IOException {
        assertThat(headings(tableOfContents())).containsExactly("Contents", "1. Preparing the Equipment", "2. Taking Samples",
                "3. Transport", "4. Records", "5. Quality Control");
    }

    @Test
    void aLabelAmongTheEntriesOfAContinuedTableOfContentsIsNotAHeading() throws IOException {
        assertThat(headings(continuedTableOfContents())).containsExactly("Contents", "1. Chapter number 1 and what it covers");
    }

    /**
     * Nine sections under bold 14 pt headings and two labels of key figures in the same style, each
     * followed by its figure set in {@code figureSize}, bold or not; the headings found (blocks given
     * directly: the fixture's lines of one style would be one block).
     */
    private static List<String> sectionsAndFigures(String[] sections, float figureSize, boolean figureBold) {
        List<Block> blocks = new java.util.ArrayList<>();
        List<Line> lines = new java.util.ArrayList<>();
        for (int s = 0; s < sections.length; s++) {
            block(blocks, sections[s], 14, true, 1);
            block(blocks, FILLER, 11, false, 2);
            lines.add(new Line(1, FILLER, 72, 100 + 20 * s, 450, 11, false));
            if (s == 0) {
                block(blocks, "Households interviewed", 14, true, 1);
                block(blocks, "8 030", figureSize, figureBold, 1);
                block(blocks, "Women interviewed", 14, true, 1);
                block(blocks, "9 480", figureSize, figureBold, 1);
            }
        }
        List<Block> found = new HeadingDetector(11, false).detect(blocks, List.of(new PageLines(1, 612, 792, lines)), null);
        return found.stream().filter(Block::heading).map(Block::text).toList();
    }

    private static final String[] SECTIONS = {"Background", "Sampling", "Households", "Water", "Sanitation", "Nutrition",
        "Vaccination", "Malaria", "Discussion"};

    @Test
    void labelsInAHeadingStyleFollowedByFiguresOfTheirStyleAreNotHeadings() {
        assertThat(sectionsAndFigures(SECTIONS, 14, true)).containsExactly(SECTIONS);
    }

    @Test
    void inAHeadingStyleOnlyWhatIsFollowedByItsOwnStyleIsDropped() {
        // the figures a size smaller, or not bold: another style, so the labels stay the heading style's
        List<String> expected = List.of("Background", "Households interviewed", "Women interviewed", "Sampling", "Households",
                "Water", "Sanitation", "Nutrition", "Vaccination", "Malaria", "Discussion");
        assertThat(sectionsAndFigures(SECTIONS, 14, false)).isEqualTo(expected);
        assertThat(sectionsAndFigures(SECTIONS, 13, true)).isEqualTo(expected);
    }

    private static void block(List<Block> blocks, String text, float size, boolean bold, int lines) {
        blocks.add(new Block(blocks.size(), false, 0, text, 1, 100 + 10 * blocks.size(), size, bold, lines));
    }

    @Test
    void numberedListItemsAtBodySizeAreNotHeadings() throws IOException {
        assertThat(headings(numberedList())).containsExactly("1 Objectives", "2 Method");
    }

    @Test
    void aChapterLabelAboveTheChaptersTitleIsNotAHeadingOfItsOwn() throws IOException {
        assertThat(headings(chapterLabels())).containsExactly("Getting Started", "1.1 Social dynamics", "First Steps",
                "2.1 Workflow");
    }

    @Test
    void fileNamesAfterSectionNumbersAndBoldHeadingsAtBodySizeAreFound() throws IOException {
        assertThat(headings(quietHeadings())).containsExactly("1 Required files", "1.1 control", "1.2 changelog", "Methods",
                "Results");
    }

    @Test
    void levelsFollowNumberingAndProminence() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(chapterLabels().bytes())) {
            List<Block> headings = TextModelTest.context(pdf, "labels.pdf").textModel().headings();
            assertThat(headings).extracting(Block::level).containsExactly(1, 2, 1, 2);
        }
    }

    @Test
    void theCommonLeftEdgeIsTheMostFrequentRoundedXAndTheLeftmostOfATie() {
        float[] xs = {72f, 72.4f, 71.6f, 90f, 90.49f, 36f, 300.5f, -0.5f, Float.NaN, 1e9f};
        java.util.Random random = new java.util.Random(18);
        for (int round = 0; round < 20_000; round++) {
            List<Line> lines = new java.util.ArrayList<>();
            for (int k = random.nextInt(12); k > 0; k--) {
                lines.add(new Line(1, "x", xs[random.nextInt(xs.length)], 100, 100, random.nextBoolean() ? 10f : 12f,
                        random.nextInt(4) == 0));
            }
            // as margins() found it: a map of counts and the stream's max
            java.util.Map<Integer, Integer> edges = new java.util.HashMap<>();
            for (Line l : lines) {
                if (Math.abs(l.fontSize() - 10f) < 0.6f && !l.bold()) {
                    edges.merge(Math.round(l.x()), 1, Integer::sum);
                }
            }
            int[] expected = edges.entrySet().stream().max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .map(e -> new int[] {e.getKey()}).orElse(new int[0]);
            assertThat(HeadingDetector.commonLeftEdge(lines, 10f, false)).as("%s", lines).containsExactly(expected);
        }
    }
}
