package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The splitter, stepping from mark to mark, splits as the one loop over every character did. */
class SentenceSplitterTest {
    private static final String[] PIECES = {"The", "water", "rose", "Dr", "e.g", "J", "R", "3", "14", "am", "Oktober",
        "z", "B", "u.s.a", "U.S", "etc", "fig", "ÉCOLE", "été", "中文", "数据", "ß", "Ⅳ", "\uD835\uDC00", " ", " ", " ", "  ",
        "\n", "\t", "\u00a0", ".", ".", ".", "!", "?", "?!", "...", "…", "。", "！", "？", "．", "”", "’", ")", "]", "\"",
        "'", "(", "[", "“", "‘", "«", "¿", "¡", "」", "）", "-", ","};

    @Test
    void splitsAsTheCharacterLoopDidOnRandomParagraphs() {
        Random random = new Random(5);
        int splits = 0;
        for (String language : new String[] {"en", "de", "es", "fr", "zh"}) {
            SentenceSplitter splitter = new SentenceSplitter(language);
            for (int n = 0; n < 40_000; n++) {
                String paragraph = RandomText.of(random, PIECES, 30);
                List<String> expected = reference(splitter, paragraph);
                assertThat(splitter.split(paragraph)).as(paragraph).isEqualTo(expected);
                splits += expected.size() > 1 ? 1 : 0;
            }
        }
        assertThat(splits).isGreaterThan(20_000);
    }

    /** The loop as it was: every character looked at, in one method (its helpers are unchanged). */
    private static List<String> reference(SentenceSplitter splitter, String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '．') {
                int end = SentenceSplitter.skipClosers(paragraph, i + 1);
                SentenceSplitter.add(out, paragraph, start, end);
                start = end;
                i = end - 1;
                continue;
            }
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = SentenceSplitter.skipClosers(paragraph, i + 1);
            while (end < n && (paragraph.charAt(end) == '.' || paragraph.charAt(end) == '!' || paragraph.charAt(end) == '?')) {
                end = SentenceSplitter.skipClosers(paragraph, end + 1);
            }
            if (end >= n) {
                break;
            }
            if (!Character.isWhitespace(paragraph.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < n && Character.isWhitespace(paragraph.charAt(next))) {
                next++;
            }
            if (next >= n) {
                break;
            }
            int following = paragraph.codePointAt(next);
            boolean opensSentence = Character.isUpperCase(following) || Character.isDigit(following)
                    || "\"'“‘«¿¡([".indexOf(following) >= 0 || Blocks.isCjk(following)
                    || (Character.isLetter(following) && !Character.isLowerCase(following));
            if (!opensSentence || (c == '.' && splitter.isAbbreviation(paragraph, start, i, following))) {
                continue;
            }
            SentenceSplitter.add(out, paragraph, start, end);
            start = next;
            i = next - 1;
        }
        SentenceSplitter.add(out, paragraph, start, n);
        return out;
    }

    @Test
    void dottedDecidesAsItsRegexOnRandomWords() {
        java.util.regex.Pattern dotted = java.util.regex.Pattern.compile("(\\p{L}\\.)+\\p{L}");
        String[] pieces = {"u.", "s.", "a.", "z", "b", "é", "ß.", "ж", "中.", "\uD835\uDC00", "\uD835\uDC00.", "\uD835", "\uDC00",
            "ʰ", "1", ".", ".", "..", "-", "'", " ", "\u0301"};
        Random random = new Random(9);
        int matched = 0;
        for (int n = 0; n < 200_000; n++) {
            String word = RandomText.of(random, pieces, 6);
            boolean expected = dotted.matcher(word).matches();
            assertThat(SentenceSplitter.dotted(word)).as(word).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).isGreaterThan(2_000);
    }
}
