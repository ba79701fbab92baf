package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences: at {@code . ! ? …} followed by a space and a capital, digit,
 * quote or opening bracket, and always after {@code 。！？}. It does not split after known
 * abbreviations of the document's language ({@code e.g.}, {@code Dr.}, {@code z. B.},
 * {@code p. ej.}), single initials ({@code J. Smith}), or inside numbers ({@code 3.14}).
 */
final class SentenceSplitter {
    static final Set<String> COMMON = Set.of("e.g", "i.e", "etc", "vs", "cf", "fig", "figs", "eq", "eqs", "no",
            "nos", "vol", "vols", "pp", "p", "ed", "eds", "al", "approx", "ca", "mr", "mrs", "ms", "dr", "prof", "st",
            "jr", "sr", "inc", "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "sec", "ch", "chap", "ref", "refs", "resp", "viz", "u.s", "u.k", "e.u",
            "ph.d", "a.m", "p.m", "min", "max", "incl", "excl", "est", "gen", "gov", "op", "cit", "ibid", "tab");
    static final Map<String, Set<String>> BY_LANGUAGE = Map.of(
            "es", Set.of("sr", "sra", "srta", "dra", "ud", "uds", "p.ej", "ej", "pág", "págs", "núm", "art", "aprox",
                    "tel", "av", "avda", "etc", "cap", "vid", "admón", "dña", "d", "ee.uu"),
            "de", Set.of("z.b", "bzw", "usw", "ca", "vgl", "ggf", "evtl", "inkl", "d.h", "u.a", "s", "abb", "nr",
                    "hr", "fr", "dipl", "ing", "bsp", "sog", "u.ä", "zzgl", "u.u", "o.ä", "str", "geb", "tel"),
            "fr", Set.of("m", "mm", "mme", "mlle", "p.ex", "cf", "env", "chap", "éd", "av", "boul", "dép", "art", "n°"),
            "pt", Set.of("sr", "sra", "srs", "dr", "dra", "p.ex", "pág", "art", "cap", "núm", "av", "ex", "obs"),
            "it", Set.of("sig", "sigg", "dott", "ing", "avv", "pag", "ecc", "es", "cap"));

    /** The length of the longest listed abbreviation. */
    private static final int LONGEST = longest();

    private static int longest() {
        int longest = 0;
        for (String a : COMMON) {
            longest = Math.max(longest, a.length());
        }
        for (Set<String> set : BY_LANGUAGE.values()) {
            for (String a : set) {
                longest = Math.max(longest, a.length());
            }
        }
        return longest;
    }

    private final Set<String> abbreviations;
    private final boolean german;

    SentenceSplitter(String language) {
        this.abbreviations = BY_LANGUAGE.getOrDefault(language, Set.of());
        this.german = "de".equals(language);
    }

    /** German ordinals: am 3. Oktober. */
    private static final Pattern ORDINAL = Pattern.compile("\\d{1,2}");

    /*
     * Each step goes from one sentence mark to the next, the scanning and the decisions in small
     * methods: one loop over every character with all of it inline was a large unit the JIT
     * compiled on stack and then again in full.
     */
    List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = nextMark(paragraph, 0); i < n; ) {
            char c = paragraph.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '．') {
                int end = skipClosers(paragraph, i + 1);
                add(out, paragraph, start, end);
                start = end;
                i = nextMark(paragraph, end);
                continue;
            }
            int end = afterMarks(paragraph, i);
            if (end >= n) {
                break;
            }
            if (!Character.isWhitespace(paragraph.charAt(end))) {
                i = nextMark(paragraph, i + 1); // 3.14, www.example.org, e.g.
                continue;
            }
            int next = skipWhitespace(paragraph, end);
            if (next >= n) {
                break;
            }
            int following = paragraph.codePointAt(next);
            if (!opensSentence(following) || (c == '.' && isAbbreviation(paragraph, start, i, following))) {
                i = nextMark(paragraph, i + 1);
                continue;
            }
            add(out, paragraph, start, end);
            start = next;
            i = nextMark(paragraph, next);
        }
        add(out, paragraph, start, n);
        return out;
    }

    /** The first sentence mark ({@code . ! ? …} or a CJK full stop) at or after {@code from}; the length if none. */
    private static int nextMark(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n && !isMark(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isMark(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？' || c == '．';
    }

    /** After the mark at {@code i}, closing quotes and brackets, and any further marks ({@code ?!}, {@code ...}). */
    private static int afterMarks(String text, int i) {
        int n = text.length();
        int end = skipClosers(text, i + 1);
        while (end < n && (text.charAt(end) == '.' || text.charAt(end) == '!' || text.charAt(end) == '?')) {
            end = skipClosers(text, end + 1);
        }
        return end;
    }

    /**
     * Letters with a dot between each two ({@code u.s.a}, {@code z.b}): the regex
     * {@code (\p{L}\.)+\p{L}}, without the regex engine.
     */
    static boolean dotted(String word) {
        int n = word.length();
        int i = 0;
        int letters = 0;
        while (i < n) {
            int c = word.codePointAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            letters++;
            i += Character.charCount(c);
            if (i == n) {
                break;
            }
            if (word.charAt(i) != '.') {
                return false;
            }
            i++;
            if (i == n) {
                return false; // ends in a dot
            }
        }
        return letters >= 2;
    }

    private static int skipWhitespace(String text, int i) {
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A capital, digit, quote, opening bracket, CJK or caseless letter: what a sentence may start with. */
    private static boolean opensSentence(int c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘«¿¡([".indexOf(c) >= 0 || Blocks.isCjk(c)
                || (Character.isLetter(c) && !Character.isLowerCase(c));
    }

    boolean isAbbreviation(String text, int sentenceStart, int dot, int following) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && "([\"'“‘".indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        if (dot - wordStart > LONGEST && text.lastIndexOf('.', dot - 1) < wordStart) {
            return false; // longer than any listed abbreviation (lowercasing never shortens) and no inner dot
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: J. Smith
        }
        if (word.equals("etc")) {
            return false; // "etc." before a capital usually ends the sentence
        }
        if (COMMON.contains(word) || abbreviations.contains(word)) {
            return true;
        }
        if (dotted(word)) {
            return true; // u.s.a, z.b (dots inside)
        }
        // German ordinals: "am 3. Oktober"
        return german && ORDINAL.matcher(word).matches();
    }

    static int skipClosers(String text, int i) {
        while (i < text.length() && ")]\"'”’»」』）".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    static void add(List<String> out, String text, int from, int to) {
        String s = text.substring(from, Math.min(to, text.length())).strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
