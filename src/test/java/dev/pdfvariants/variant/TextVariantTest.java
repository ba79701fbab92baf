package dev.pdfvariants.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The two files of the {@code text} variant, written page by page. */
class TextVariantTest {

    private static final List<String> PAGES = List.of("First line\nsecond line", "", "# not a heading\n- nor an item\n",
            " \n\t", "a\n\n+1 | = `x`\n>quote\n*star", "last");

    @Test
    void plainTextSeparatesPagesWithFormFeeds() throws IOException {
        StringWriter out = new StringWriter();
        TextVariant.plain(PAGES, out);
        assertThat(out.toString()).isEqualTo(
                "First line\nsecond line\f\f# not a heading\n- nor an item\n\f \n\t\fa\n\n+1 | = `x`\n>quote\n*star\flast");
    }

    @Test
    void markdownHasAHeadingPerPageHardBreaksAndEscapedSyntax() throws IOException {
        StringWriter out = new StringWriter();
        TextVariant.markdown(PAGES, out);
        assertThat(out.toString()).isEqualTo("""
                ## Page 1

                First line \s
                second line
                ## Page 2

                *(no text on this page)*

                ## Page 3

                \\# not a heading \s
                \\- nor an item \s

                ## Page 4

                *(no text on this page)*

                ## Page 5

                a \s
                 \s
                \\+1 | = `x` \s
                \\>quote \s
                \\*star
                ## Page 6

                last""");
    }

    @Test
    void emptyDocumentWritesEmptyFiles() throws IOException {
        StringWriter plain = new StringWriter();
        StringWriter markdown = new StringWriter();
        TextVariant.plain(List.of(), plain);
        TextVariant.markdown(List.of(), markdown);
        assertThat(plain.toString()).isEmpty();
        assertThat(markdown.toString()).isEmpty();
    }

    /** The Markdown as it was built in memory before it was streamed: each line of a page split off and escaped. */
    private static String markdownInMemory(List<String> pages) {
        StringBuilder markdown = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                markdown.append('\n');
            }
            markdown.append("## Page ").append(i + 1).append("\n\n");
            if (pages.get(i).isBlank()) {
                markdown.append("*(no text on this page)*\n");
                continue;
            }
            StringBuilder page = new StringBuilder();
            for (String line : pages.get(i).split("\n", -1)) {
                if (!line.isEmpty() && "#>-+*|=`".indexOf(line.charAt(0)) >= 0) {
                    page.append('\\');
                }
                page.append(line).append("  \n");
            }
            page.setLength(page.length() - 3);
            markdown.append(page);
        }
        return markdown.toString();
    }

    @Test
    void markdownMatchesSplittingEachPageIntoLines() throws IOException {
        Random random = new Random(8);
        String alphabet = "ab #>-+*|=`\n\n\t\u00e9\u4e2d";
        for (int round = 0; round < 2000; round++) {
            String[] pages = new String[random.nextInt(4)];
            for (int p = 0; p < pages.length; p++) {
                StringBuilder text = new StringBuilder();
                for (int c = random.nextInt(12); c > 0; c--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                pages[p] = text.toString();
            }
            StringWriter out = new StringWriter();
            TextVariant.markdown(List.of(pages), out);
            assertThat(out.toString()).as("pages %s", List.of(pages)).isEqualTo(markdownInMemory(List.of(pages)));
        }
    }
}
