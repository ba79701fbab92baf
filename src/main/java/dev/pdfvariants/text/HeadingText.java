package dev.pdfvariants.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words of a line say about it being a heading, independent of its font: section
 * numbering ({@code 1.}, {@code 2.3}, {@code IV.}, {@code A.1}, {@code Chapter 3}), captions
 * ({@code Figure 3}, {@code Tabla 2}, {@code 图 1}), table-of-contents entries (dot leaders,
 * trailing page numbers), and the length of a line counted so that CJK text weighs like words.
 */
final class HeadingText {
    static final Pattern NUMBERING = Pattern.compile(
            "^(?:(\\d{1,2}(?:\\.\\d{1,2}){0,4})\\.?|([IVXLC]{1,6})\\.|([A-Z])\\.|([A-Z](?:\\.\\d{1,2}){1,3})\\.?)\\s+([^\\s\\d].*)$");
    private static final String SECTION_WORDS = "chapter|section|part|appendix|annex|lesson|capítulo|capitulo|sección|seccion|"
            + "parte|apéndice|apendice|anexo|lección|kapitel|abschnitt|teil|anhang|chapitre|partie|annexe|leçon|secção|seção|"
            + "apêndice|capitolo|sezione|appendice|hoofdstuk|bijlage|rozdział|глава|раздел|приложение";
    private static final Pattern NAMED = Pattern.compile("(?iu)^(?:" + SECTION_WORDS + ")\\s+[\\dIVXLCA-Z]+\\b.*");
    /** A section word and its number, and nothing else: the label set above a chapter's title. */
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^(?:(?:" + SECTION_WORDS + ")\\s+)?(?:\\d{1,3}|[IVXLC]{1,6}|[A-Z])\\.?$|^第\\s*[\\d一二三四五六七八九十百]+\\s*[章节部篇]$");
    private static final Pattern CAPTION = Pattern.compile(
            "(?iu)^(?:fig\\.|figs?\\.?|figure|figura|figuur|abbildung|abb\\.|table|tabla|tabelle|tableau|tabela|tabella|tab\\.|"
                    + "listing|source|fuente|fonte|quelle|chart|graph|gráfico|grafico|graphique|grafik|quadro|cuadro|"
                    + "exhibit|plate|map|mapa|carte|karte|diagram|diagrama|box|encadré|photo|foto|illustration|ilustración)"
                    + "\\s*[\\dIVXLC]+(?:[.\\-–]\\d+)*\\b.*|^[图表圖図]\\s*[\\d一二三四五六七八九十]+.*");
    /** Dot leaders, or text followed by a page number after a wide gap. */
    private static final Pattern TOC_LINE = Pattern.compile(
            "(?s).*(?:\\.\\s?){4,}\\s*(?:\\d+|[ivxlc]+)$|.*\\s{2,}\\d+$|.*\\s[.·…]{2,}\\s*(?:\\d+|[ivxlc]+)$|.*…{2,}.*");
    private static final Pattern BULLET = Pattern.compile("^[•·▪◦●○■□►▶✓✔*–—-]\\s.*|^\\(?[a-z]\\)\\s.*");

    private HeadingText() {
    }

    static boolean numbered(String text) {
        return NUMBERING.matcher(text).matches() || NAMED.matcher(text).matches();
    }

    /** Depth of numbering like {@code 2.3.1} (3), {@code IV.} or {@code Chapter 2} (1); 0 without numbering. */
    static int numberingDepth(String text) {
        Matcher m = NUMBERING.matcher(text);
        if (m.matches()) {
            if (m.group(1) != null) {
                return m.group(1).split("\\.").length;
            }
            if (m.group(4) != null) {
                return m.group(4).split("\\.").length;
            }
            return 1;
        }
        return NAMED.matcher(text).matches() ? 1 : 0;
    }

    /** Numbered by a single letter ({@code B. Title}), which initials ({@code R. Wood}) look like too. */
    static boolean letterNumbered(String text) {
        Matcher m = NUMBERING.matcher(text);
        return m.matches() && m.group(3) != null;
    }

    /** The numbers of {@code 2.3.1 Title}, or null without arabic numbering. */
    static int[] numbers(String text) {
        if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '9') {
            return null; // arabic numbering starts with an ASCII digit (\\d): most blocks are let through unread
        }
        Matcher m = NUMBERING.matcher(text);
        if (!m.matches() || m.group(1) == null) {
            return null;
        }
        String[] parts = m.group(1).split("\\.");
        int[] n = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            n[i] = Integer.parseInt(parts[i]);
        }
        return n;
    }

    /** The words after the numbering start in upper case (or a caseless script). */
    static boolean titleLike(String text) {
        Matcher m = NUMBERING.matcher(text);
        String rest = m.matches() ? m.group(5) : text;
        return !rest.isEmpty() && !Character.isLowerCase(firstLetter(rest));
    }

    /** A bulleted list item ({@code • item}, {@code - item}, {@code (a) item}). */
    static boolean bullet(String text) {
        return BULLET.matcher(text).matches();
    }

    static boolean label(String text) {
        return LABEL.matcher(text.strip()).matches();
    }

    static boolean caption(String text) {
        return CAPTION.matcher(text).matches();
    }

    static boolean tocEntry(String text) {
        // Every form ends in a number (digits or roman) or holds "……": most text, a paragraph
        // included, is rejected here without running the regex's backtracking over it.
        int end = text.length();
        if (end == 0) {
            return false;
        }
        char last = text.charAt(end - 1);
        boolean digits = last >= '0' && last <= '9';
        if (!digits && "ivxlc".indexOf(last) < 0) {
            return text.contains("……") && TOC_LINE.matcher(text).matches();
        }
        // The number (the whole trailing run of digits or of ivxlc) follows white space and, before
        // that, a leader (. · …), or for digits two white spaces or more: a line ending in a word
        // such as "public" or "civil" is rejected without the regex too.
        int i = end;
        while (i > 0 && (digits ? text.charAt(i - 1) >= '0' && text.charAt(i - 1) <= '9' : "ivxlc".indexOf(text.charAt(i - 1)) >= 0)) {
            i--;
        }
        int j = i;
        while (j > 0 && Spaces.isRegexSpace(text.charAt(j - 1))) {
            j--;
        }
        boolean leader = j > 0 && ".·…".indexOf(text.charAt(j - 1)) >= 0;
        boolean spaced = digits && i - j >= 2;
        return (leader || spaced || text.contains("……")) && TOC_LINE.matcher(text).matches();
    }

    /**
     * A line ending in a page number: text, white space, then 1-3 digits or 1-5 of {@code ivxl},
     * where the word before the space holds a letter and only letters and punctuation. The same
     * decision as {@code (?s).*\p{L}[\p{L}\p{P}]*\s+(?:\d{1,3}|[ivxl]{1,5})$}, read backwards from
     * the end instead of backtracking over the whole text (it runs on every block of a document).
     */
    static boolean endsInPageNumber(String text) {
        int i = text.length();
        int end = i;
        while (i > 0 && text.charAt(i - 1) >= '0' && text.charAt(i - 1) <= '9') {
            i--;
        }
        int digits = end - i;
        if (digits == 0) {
            while (i > 0 && "ivxl".indexOf(text.charAt(i - 1)) >= 0) {
                i--;
            }
            if (end - i < 1 || end - i > 5) {
                return false;
            }
        } else if (digits > 3) {
            return false;
        }
        int space = i;
        while (i > 0 && Spaces.isRegexSpace(text.charAt(i - 1))) {
            i--;
        }
        if (i == space) {
            return false;
        }
        while (i > 0) {
            int c = text.codePointBefore(i);
            if (Character.isLetter(c)) {
                return true;
            }
            if (!isPunctuation(c)) {
                return false;
            }
            i -= Character.charCount(c);
        }
        return false;
    }

    /** {@code \s} of java.util.regex: ASCII white space only. */

    /** {@code \p{P}}: the Unicode punctuation categories. */
    private static boolean isPunctuation(int c) {
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    /** Words, with every two CJK characters counting as one. */
    static int words(String text) {
        return scan(text)[WORDS];
    }

    static boolean hasCjk(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (cjk(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean cjk(int c) {
        return c >= 0x1100 && (Blocks.isCjk(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            letters += Character.isLetter(c) ? 1 : 0;
            i += Character.charCount(c);
        }
        return letters;
    }

    /** Share of letters among the visible characters. */
    static double letterShare(String text) {
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return visible == 0 ? 0 : (double) letters / visible;
    }

    /**
     * Running prose rather than a label, a name or a table row: long enough, mostly letters, and
     * in a cased script with a fair share of words starting in lowercase (articles, verbs,
     * prepositions), which lists of names and title-case labels lack.
     */
    static boolean prose(String text) {
        if (text.length() < 16) {
            return false; // fewer than 16 visible characters
        }
        int[] counts = scan(text);
        int letters = counts[LETTERS];
        if (counts[VISIBLE] < 16 || letters < counts[VISIBLE] * 0.6 || counts[WORDS] < 5) {
            return false;
        }
        if (counts[CASED] < letters / 2) {
            return true; // a caseless script (CJK, Arabic, …)
        }
        return counts[LOWER_STARTS] * 4 >= counts[LETTER_STARTS];
    }

    private static final int VISIBLE = 0;
    private static final int LETTERS = 1;
    private static final int CASED = 2;
    private static final int WORDS = 3;
    private static final int LETTER_STARTS = 4;
    private static final int LOWER_STARTS = 5;

    /**
     * One pass over {@code text}: the chars that are not white space, the chars that are letters
     * and those of them that are cased, the words (runs between white space, {@code 、} and
     * {@code ，}; every two CJK characters count as one), and of the runs between regex
     * {@code \s} characters (as {@code split("\\s+")} gives them) those holding a letter and
     * those whose first letter is lowercase.
     */
    private static int[] scan(String text) {
        int letters = 0;
        int cased = 0;
        int visible = 0;
        int words = 0;
        int cjk = 0;
        boolean inWord = false;
        int letterStarts = 0;
        int lowerStarts = 0;
        boolean started = false; // the current run between regex white space has had its first letter
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch < 128) { // ASCII: white space, letters (all cased) and the rest
                i++;
                if (ch == ' ' || ch >= 0x09 && ch <= 0x0D) { // regex white space too
                    inWord = false;
                    started = false;
                    continue;
                }
                if (ch >= 0x1C && ch <= 0x1F) { // white space, but not to regexes
                    inWord = false;
                    continue;
                }
                visible++;
                if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
                    letters++;
                    cased++;
                    if (!started) {
                        started = true;
                        letterStarts++;
                        lowerStarts += ch >= 'a' ? 1 : 0;
                    }
                }
                words += inWord ? 0 : 1;
                inWord = true;
                continue;
            }
            int c = text.codePointAt(i);
            if (!started && Character.isLetter(c)) {
                started = true;
                letterStarts++;
                lowerStarts += Character.isLowerCase(c) ? 1 : 0;
            }
            if (Character.charCount(c) == 2) {
                visible += 2; // two chars, neither white space nor a letter
            } else if (!Character.isWhitespace(ch)) {
                visible++;
                if (Character.isLetter(ch)) {
                    letters++;
                    cased += Character.isLowerCase(ch) || Character.isUpperCase(ch) ? 1 : 0;
                }
            }
            i += Character.charCount(c);
            if (cjk(c)) {
                cjk++;
                inWord = false;
            } else if (Character.isWhitespace(c) || c == '、' || c == '，') {
                inWord = false;
            } else {
                words += inWord ? 0 : 1;
                inWord = true;
            }
        }
        return new int[] {visible, letters, cased, words + (cjk + 1) / 2, letterStarts, lowerStarts};
    }

    static int firstLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return ' ';
    }
}
