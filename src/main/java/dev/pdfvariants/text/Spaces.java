package dev.pdfvariants.text;

/**
 * The white space of regexes ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage
 * return; not the other Unicode spaces) without the regex engine, for code that runs on every line.
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
}
