package dev.pdfvariants.text;

import java.util.Locale;

/**
 * The white space of regexes ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage
 * return; not the other Unicode spaces) without the regex engine, for code that runs on every line;
 * and the words of a text without its punctuation and case.
 */
public final class Spaces {
    private Spaces() {
    }

    /** A character regex {@code \s} matches. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code text.replaceAll("\\s+", " ")}: every run of regex white space made one space. */
    public static String collapse(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !(isRegexSpace(text.charAt(i)) && (text.charAt(i) != ' ' || i + 1 < n && isRegexSpace(text.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return text; // nothing to change: no run longer than one space, no other white space
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                out.append(' ');
                while (i < n && isRegexSpace(text.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The text lowercased, its runs of letters and numbers (Unicode categories L and N) joined by
     * single spaces, to compare headings and titles however they are punctuated: {@code
     * toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()} without a regex.
     */
    public static String normalWords(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) || isNumber(c)) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
