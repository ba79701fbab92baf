package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void collapseIsTheRegexReplacementOnRandomText() {
        String[] pieces = {"a", "Word", "é", "\uD835\uDC00", " ", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003",
            "\u2028", "\u001C", ".", "-"};
        Random random = new Random(2);
        for (int n = 0; n < 200_000; n++) {
            String text = RandomText.of(random, pieces, 12);
            assertThat(Spaces.collapse(text)).as(text).isEqualTo(text.replaceAll("\\s+", " "));
        }
        for (char c = 0; c < 0xFFFF; c++) {
            assertThat(Spaces.isRegexSpace(c)).as("U+%04X", (int) c).isEqualTo(String.valueOf(c).matches("\\s"));
        }
    }

    @Test
    void normalWordsAgreeWithTheRegex() {
        // letters and numbers of several scripts and categories (Nl, No), marks, punctuation, white
        // space, a surrogate pair and a lone surrogate
        String[] pieces = {"Table", " ", "  ", "3", "-", ".", "\u00c9t\u00e9", "\u2167", "\u00bd", "\u0301", "\u4e2d\u6587",
            "\ud835\udc00", "\ud800", "\u00a0", "\t", "(a)", "\u0130", "\u2014", "\u0661\u0662"};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, pieces, 10);
            String expected = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            assertThat(Spaces.normalWords(text)).as("%s", text).isEqualTo(expected);
        }
        assertThat(Spaces.normalWords("  Table 3 - Results.  ")).isEqualTo("table 3 results");
    }
}
