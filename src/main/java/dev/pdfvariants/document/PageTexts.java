package dev.pdfvariants.document;

import java.util.List;

/**
 * The plain text of every page, extracted once per document and shared by every variant that
 * needs it.
 *
 * @param pages one string per page, in page order (empty for pages without text)
 */
public record PageTexts(List<String> pages) {
    public PageTexts {
        pages = List.copyOf(pages);
    }

    /** Pages with at least one visible (non-whitespace) character. */
    public int pagesWithText() {
        return (int) pages.stream().filter(p -> !p.isBlank()).count();
    }

    public boolean hasTextLayer() {
        return pagesWithText() > 0;
    }

    /**
     * Characters (code points that are not white space) and words (runs of letters and digits,
     * apostrophes and hyphens inside; each Han, Hiragana or Katakana character counts as one word,
     * as word processors count CJK text), counted in one pass.
     */
    public record Counts(long words, long characters) {
    }

    public Counts counts() {
        long words = 0;
        long characters = 0;
        for (int p = 0; p < pages.size(); p++) { // not the lists' iterators: one call site, whatever the list's class
            String page = pages.get(p);
            boolean inWord = false;
            for (int i = 0; i < page.length(); ) {
                char ch = page.charAt(i);
                if (ch < 128) { // ASCII: letters and digits, apostrophe and hyphen (inside words), white space, the rest
                    i++;
                    if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') {
                        words += inWord ? 0 : 1;
                        inWord = true;
                    } else if (ch != '\'' && ch != '-') {
                        inWord = false;
                    }
                    characters += ch == ' ' || ch >= 0x09 && ch <= 0x0D || ch >= 0x1C && ch <= 0x1F ? 0 : 1;
                    continue;
                }
                int c = page.codePointAt(i);
                i += Character.charCount(c);
                characters += Character.isWhitespace(c) ? 0 : 1;
                if (isCjk(c)) {
                    words++;
                    inWord = false;
                } else if (Character.isLetterOrDigit(c)) {
                    if (!inWord) {
                        words++;
                        inWord = true;
                    }
                } else if (c != '\'' && c != '\u2019' && c != '-') {
                    inWord = false;
                }
            }
        }
        return new Counts(words, characters);
    }

    private static boolean isCjk(int c) {
        if (c < 0x1100) {
            return false; // no Han, kana or Hangul below U+1100: skips the script look-up for Latin text
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
