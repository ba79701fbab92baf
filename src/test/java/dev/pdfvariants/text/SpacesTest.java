package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
