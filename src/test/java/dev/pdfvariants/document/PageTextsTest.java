package dev.pdfvariants.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Word and character counts with their ASCII shortcuts, as the plain code-point rules count. */
class PageTextsTest {

    @Test
    void countsAgreeWithThePlainRulesOnRandomPages() {
        String[] pieces = {"word", "Wörter", "x1", "42", "don't", "co-op", "l’eau", "'", "-", "’", " ", "  ", "\t", "\n", "\u001C",
            "\u00A0", "\u2003", "漢字", "ひらがな", "カタカナ", "한국어", "\uD835\uDC00", "\uD835", ".", ",", "_", "٣"};
        Random random = new Random(10);
        for (int n = 0; n < 20_000; n++) {
            List<String> pages = new ArrayList<>();
            for (int p = random.nextInt(4); p > 0; p--) {
                StringBuilder page = new StringBuilder();
                for (int k = random.nextInt(30); k > 0; k--) {
                    page.append(pieces[random.nextInt(pieces.length)]);
                }
                pages.add(page.toString());
            }
            PageTexts texts = new PageTexts(pages);
            long characters = pages.stream().mapToLong(p -> p.codePoints().filter(c -> !Character.isWhitespace(c)).count()).sum();
            assertThat(texts.counts()).as("%s", pages).isEqualTo(new PageTexts.Counts(words(pages), characters));
        }
    }

    /** Runs of letters and digits (apostrophes and hyphens inside), each Han or kana character one word. */
    private static long words(List<String> pages) {
        long words = 0;
        for (String page : pages) {
            boolean inWord = false;
            for (int c : page.codePoints().toArray()) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA) {
                    words++;
                    inWord = false;
                } else if (Character.isLetterOrDigit(c)) {
                    words += inWord ? 0 : 1;
                    inWord = true;
                } else if (c != '\'' && c != '\u2019' && c != '-') {
                    inWord = false;
                }
            }
        }
        return words;
    }
}
