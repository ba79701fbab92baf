package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeadingTextTest {

    @Test
    void numberingDepthCountsArabicRomanLetterAndNamedSections() {
        assertThat(HeadingText.numberingDepth("2.3.1 Field blanks")).isEqualTo(3);
        assertThat(HeadingText.numberingDepth("IV. Results")).isEqualTo(1);
        assertThat(HeadingText.numberingDepth("A.1 Introdução")).isEqualTo(2);
        assertThat(HeadingText.numberingDepth("Chapter 3 Methods")).isEqualTo(1);
        assertThat(HeadingText.numberingDepth("Capítulo 2 Primeros pasos")).isEqualTo(1);
        assertThat(HeadingText.numberingDepth("0 150 300 Quilómetros")).isZero();
        assertThat(HeadingText.numberingDepth("Methods")).isZero();
    }

    @Test
    void captionsAreRecognisedInSeveralLanguagesAndInChinese() {
        assertThat(HeadingText.caption("Figure 3: Roof temperature over the day")).isTrue();
        assertThat(HeadingText.caption("Gráfico 1.1 Zonas de endemicidade")).isTrue();
        assertThat(HeadingText.caption("Quadro 2 Taxas de resposta")).isTrue();
        assertThat(HeadingText.caption("Abbildung 4 Wege")).isTrue();
        assertThat(HeadingText.caption("图 3 系统结构")).isTrue();
        assertThat(HeadingText.caption("表2-1 参数")).isTrue();
        assertThat(HeadingText.caption("Figures of merit")).isFalse();
        assertThat(HeadingText.caption("Table manners")).isFalse();
    }

    @Test
    void tableOfContentsEntriesEndInPageNumbersOrDotLeaders() {
        assertThat(HeadingText.tocEntry("1.4 Metodologia do Inquérito ............. 5")).isTrue();
        assertThat(HeadingText.tocEntry("Prefácio ....................... vii")).isTrue();
        assertThat(HeadingText.endsInPageNumber("2. Primeros pasos 6")).isTrue();
        assertThat(HeadingText.tocEntry("Introduction")).isFalse();
        assertThat(HeadingText.endsInPageNumber("Introduction")).isFalse();
    }

    @Test
    void chapterLabelsAreASectionWordAndANumberAlone() {
        assertThat(HeadingText.label("Chapter 1")).isTrue();
        assertThat(HeadingText.label("Apéndice A")).isTrue();
        assertThat(HeadingText.label("第3章")).isTrue();
        assertThat(HeadingText.label("Chapter 1 Getting Started")).isFalse();
    }

    @Test
    void cjkTextCountsTwoCharactersAsAWord() {
        assertThat(HeadingText.words("正确的起点")).isEqualTo(3);
        assertThat(HeadingText.words("Debian 软件包制作流程")).isEqualTo(5);
        assertThat(HeadingText.words("Getting started the right way")).isEqualTo(5);
    }

    @Test
    void proseHasLowercaseWordsWhichNameListsAndLabelsLack() {
        assertThat(HeadingText.prose("The measurements were repeated on several days in July.")).isTrue();
        assertThat(HeadingText.prose("Die Elemente von T heißen offene Teilmengen von X.")).isTrue();
        assertThat(HeadingText.prose("本文档致力于为普通用户和开发人员提供帮助")).isTrue();
        assertThat(HeadingText.prose("Supervisores Centrais Sukama Dikizeko Antonio Ricardo")).isFalse();
        assertThat(HeadingText.prose("Provinces surveyed")).isFalse();
    }

    /** The rules as regexes, as they were before the hand-written scans replaced them. */
    private static final Pattern TOC_LINE = Pattern.compile(
            "(?s).*(?:\\.\\s?){4,}\\s*(?:\\d+|[ivxlc]+)$|.*\\s{2,}\\d+$|.*\\s[.·…]{2,}\\s*(?:\\d+|[ivxlc]+)$|.*…{2,}.*");
    private static final Pattern PAGE_REFERENCE = Pattern.compile("(?s).*\\p{L}[\\p{L}\\p{P}]*\\s+(?:\\d{1,3}|[ivxl]{1,5})$");

    @Test
    void tableOfContentsTestsDecideAsTheirRegexesOnRandomLines() {
        String[] pieces = {"a", "Z", "é", "ж", "中", "\uD835\uDC00", " ", "  ", "\t", "\n", "\r\n", "\u2028", "\u00A0", ".", ". ",
            "…", "·", ",", "-", "(", ")", "\"", "'", "1", "7", "42", "123", "2024", "i", "v", "x", "l", "c", "vii", "xiv",
            "Intro", "Métodos", "+", "$", "%", "#"};
        Random random = new Random(11);
        int agreedToc = 0;
        int agreedPage = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = RandomText.of(random, pieces, 12);
            assertThat(HeadingText.tocEntry(text)).as("tocEntry(%s)", text).isEqualTo(TOC_LINE.matcher(text).matches());
            assertThat(HeadingText.endsInPageNumber(text)).as("endsInPageNumber(%s)", text)
                    .isEqualTo(PAGE_REFERENCE.matcher(text).matches());
            agreedToc += HeadingText.tocEntry(text) ? 1 : 0;
            agreedPage += HeadingText.endsInPageNumber(text) ? 1 : 0;
        }
        // both answers occur often enough for the comparison to mean something
        assertThat(agreedToc).isGreaterThan(1000);
        assertThat(agreedPage).isGreaterThan(1000);
    }

    @Test
    void proseDecidesAsItsThreePassesDidOnRandomLines() {
        String[] pieces = {"the", "water", "Sample", "was", "taken", "été", "ÉTÉ", "東京", "日本語", "한국어", "BIG", "a", "of",
            "x1", "12", "(see", "—", "-", "\uD835\uDC00", "\uD835", "\uDC1A", " ", " ", " ", "  ", "\t", "\n", "\u001C",
            "\u00A0", "\u2003", "\u2028", "、", "，", "ǅ", "ʰ", "ª", "”", "…", ",", "."};
        Random random = new Random(14);
        int prose = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = RandomText.of(random, pieces, 24);
            boolean expected = threePasses(text);
            assertThat(HeadingText.prose(text)).as("prose(%s)", text).isEqualTo(expected);
            prose += expected ? 1 : 0;
        }
        assertThat(prose).as("both outcomes covered").isBetween(10_000, 190_000);
    }

    /** {@link HeadingText#prose} as it was: characters, then words, then the lowercase share with a regex split. */
    private static boolean threePasses(String text) {
        int letters = 0;
        int cased = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c) || Character.isUpperCase(c)) {
                    cased++;
                }
            }
        }
        if (visible < 16 || letters < visible * 0.6 || words(text) < 5) {
            return false;
        }
        if (cased < letters / 2) {
            return true;
        }
        int lowerWords = 0;
        int all = 0;
        for (String w : text.split("\\s+")) { // as prose() counted them at first
            int first = HeadingText.firstLetter(w);
            if (first != ' ') {
                all++;
                lowerWords += Character.isLowerCase(first) ? 1 : 0;
            }
        }
        return lowerWords * 4 >= all;
    }

    /** Words as they were counted: code points, runs between white space, 、 and ，, CJK by pairs. */
    private static int words(String text) {
        int words = 0;
        int cjk = 0;
        boolean inWord = false;
        for (int c : text.codePoints().toArray()) {
            if (c >= 0x1100 && (Blocks.isCjk(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
                cjk++;
                inWord = false;
            } else if (Character.isWhitespace(c) || c == '、' || c == '，') {
                inWord = false;
            } else if (!inWord) {
                words++;
                inWord = true;
            }
        }
        return words + (cjk + 1) / 2;
    }

    @Test
    void wordsCountAsBeforeOnRandomLines() {
        String[] pieces = {"the", "été", "東京", "日本語", "한국어", "x1", "\uD835\uDC00", "\uD835", " ", "  ", "\t", "\u001C", "\u00A0",
            "\u2003", "、", "，", "-", "."};
        Random random = new Random(15);
        for (int n = 0; n < 100_000; n++) {
            String text = RandomText.of(random, pieces, 16);
            assertThat(HeadingText.words(text)).as("words(%s)", text).isEqualTo(words(text));
        }
    }

    @Test
    void arabicNumberingStartsWithAnAsciiDigit() {
        for (char c = 0; c < 0xFFFF; c++) {
            for (String rest : new String[] {" Title", ". Title", "2 Title", ".1 Title", "1.2. Title"}) {
                java.util.regex.Matcher m = HeadingText.NUMBERING.matcher(c + rest);
                if (m.matches() && m.group(1) != null) {
                    assertThat(c).as("U+%04X%s", (int) c, rest).isBetween('0', '9');
                }
            }
        }
        assertThat(HeadingText.numbers("2.3.1 Field blanks")).containsExactly(2, 3, 1);
        assertThat(HeadingText.numbers("IV. Results")).isNull();
    }
}
