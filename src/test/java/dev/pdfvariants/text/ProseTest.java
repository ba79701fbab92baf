package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.text.nlp.Language;
import dev.pdfvariants.text.nlp.Languages;

/** {@link TextModelBuilder#isProse} counts words without the regex engine and decides as it did with it. */
class ProseTest {
    private static final Pattern CAPTION = Pattern.compile("(?iu)^(?:fig\\.|figure|table|tabla|tabelle|tableau|abb\\.|abbildung)\\s*\\d.*");
    private static final String[] WORDS = {"the", "water", "Sample", "was", "taken", "at", "noon", "12", "3.5", "—", "-",
        "été", "ÉTÉ", "東京", "日本語", "한국어", "BIG", "a", "of", "x1", "(see", "below)", "\u00a0", "\u2003", "\t", "\n",
        "Figure", "http://x.org", "https://y.org", "HTTP://z.org", "http:/", "ttps://", "a:b", "\u2028", "”", "…"};

    /** Regex \\s separates words; other Unicode spaces do not. */
    private static final String[] SEPARATORS = {" ", " ", " ", " ", "  ", "\t", "\n", "\u2003", "\u00a0", "\u2028", ""};

    @Test
    void decidesLikeTheRegexSplitOnRandomSentences() {
        Random random = new Random(8);
        Language en = Languages.of("en");
        int prose = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int words = random.nextInt(20);
            for (int w = 0; w < words; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]);
                sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            String s = sb.toString().strip();
            boolean expected = reference(s);
            assertThat(TextModelBuilder.isProse(s, en)).as(s).isEqualTo(expected);
            prose += expected ? 1 : 0;
        }
        assertThat(prose).as("both outcomes covered").isBetween(1000, 49_000);
    }

    /** The rule as it was written with {@code String.split("\\s+")} and streams. */
    private static boolean reference(String s) {
        if (s.length() > 1200 || CAPTION.matcher(s).matches() || s.contains("http://") || s.contains("https://")) {
            return false;
        }
        int letters = 0;
        int visible = 0;
        int cjk = 0;
        int lower = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    lower++;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || (c >= 0x3000 && c <= 0x303F)
                        || (c >= 0xFF00 && c <= 0xFFEF) || script == Character.UnicodeScript.HANGUL) {
                    cjk++;
                }
            }
        }
        if (visible == 0 || letters < visible * 0.6) {
            return false;
        }
        if (cjk * 2 >= letters) {
            return cjk >= 8;
        }
        int words = 0;
        for (String w : s.split("\\s+")) {
            if (w.chars().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        int first = s.codePoints().filter(Character::isLetter).findFirst().orElse(' ');
        boolean caseless = lower == 0 && letters > 0 && !Character.isUpperCase(first);
        return words >= 6 && words <= 80 && (lower * 2 >= letters || caseless);
    }

    @Test
    void onlyTheLettersFAndTAndAOpenACaption() {
        // every alternative of CAPTION with every possible first char: no other char starts a match
        String[] rests = {"ig. 1", "igure 1", "able 1", "abla 1", "abelle 1", "ableau 1", "bb. 1", "bbildung 1"};
        for (char c = 0; c < 0xFFFF; c++) {
            for (String rest : rests) {
                String s = c + rest;
                if (CAPTION.matcher(s).matches()) {
                    assertThat(TextModelBuilder.mayBeCaption(s)).as("U+%04X%s", (int) c, rest).isTrue();
                }
            }
        }
        assertThat(TextModelBuilder.mayBeCaption("Figure 2 shows")).isTrue();
        assertThat(TextModelBuilder.mayBeCaption("")).isFalse();
    }

    @Test
    void onlyFiAndTaAndAbOpenACaption() {
        // every alternative's tail after each possible second char, behind each first letter that
        // can open one: where CAPTION matches, the quick test lets it through
        String[] tails = {"g. 1", "gure 1", "ble 1", "bla 1", "belle 1", "bleau 1", "b. 1", "bildung 1"};
        int matched = 0;
        for (char first : "fFtTaA".toCharArray()) {
            for (char c = 0; c < 0xFFFF; c++) {
                for (String tail : tails) {
                    String s = "" + first + c + tail;
                    if (CAPTION.matcher(s).matches()) {
                        matched++;
                        assertThat(TextModelBuilder.mayBeCaption(s)).as("%sU+%04X%s", first, (int) c, tail).isTrue();
                    }
                }
            }
        }
        assertThat(matched).isGreaterThanOrEqualTo(8 * 4); // each alternative, both letters in either case
        assertThat(TextModelBuilder.mayBeCaption("The figure 2")).isFalse();
        assertThat(TextModelBuilder.mayBeCaption("As table 2 shows")).isFalse();
        assertThat(TextModelBuilder.mayBeCaption("TABLE 2")).isTrue();
        assertThat(TextModelBuilder.mayBeCaption("Abb. 3")).isTrue();
    }
}
