package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The splitter, stepping from mark to mark, splits as the one loop over every character did. */
class SentenceSplitterTest {
    private static final String[] PIECES = {"The", "water", "rose", "Dr", "e.g", "J", "R", "3", "14", "am", "Oktober",
        "z", "B", "u.s.a", "U.S", "etc", "fig", "ÉCOLE", "été", "中文", "数据", "ß", "Ⅳ", "\uD835\uDC00", "İ", "approx", "APPROX",
        "admón", "Sept", "ee.uu", "Abbildung", "pp", " ", " ", " ", "  ",
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
                List<String> expected = reference(language, paragraph);
                assertThat(splitter.split(paragraph)).as(paragraph).isEqualTo(expected);
                splits += expected.size() > 1 ? 1 : 0;
            }
        }
        assertThat(splits).isGreaterThan(20_000);
    }

    /** The loop as it was: every character looked at, in one method (its other helpers are unchanged). */
    private static List<String> reference(String language, String paragraph) {
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
            if (!opensSentence || (c == '.' && isAbbreviation(language, paragraph, start, i))) {
                continue;
            }
            SentenceSplitter.add(out, paragraph, start, end);
            start = next;
            i = next - 1;
        }
        SentenceSplitter.add(out, paragraph, start, n);
        return out;
    }

    /** The abbreviation test as it was: the word lowercased, the lists, then two regexes. */
    private static boolean isAbbreviation(String language, String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && "([\"'“‘".indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true;
        }
        if (word.equals("etc")) {
            return false;
        }
        if (SentenceSplitter.COMMON.contains(word)
                || SentenceSplitter.BY_LANGUAGE.getOrDefault(language, java.util.Set.of()).contains(word)) {
            return true;
        }
        if (word.matches("(\\p{L}\\.)+\\p{L}")) {
            return true;
        }
        return "de".equals(language) && word.matches("\\d{1,2}");
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
