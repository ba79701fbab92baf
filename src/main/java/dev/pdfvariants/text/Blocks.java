package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups lines into blocks (paragraphs, headings, list items) by font, spacing and indentation,
 * and joins each block's lines, undoing hyphenation at line ends ({@code conver-}/{@code sion}
 * becomes {@code conversion}; {@code Jean-}/{@code Pierre} keeps its hyphen). A paragraph that
 * runs over a page break continues on the next page.
 */
final class Blocks {
    /** What {@link #isListItem} and {@link #endsSentence} decide, as regular expressions (for tests). */
    static final Pattern LIST_ITEM = Pattern.compile("^(?:[•·▪◦●○■□►▶✓✔*–—-]\\s|\\(?[a-z0-9]{1,3}[.)]\\s).*");
    static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?:;。！？)\"”»]$");
    private static final String BULLETS = "•·▪◦●○■□►▶✓✔*–—-";
    private static final String SENTENCE_ENDS = ".!?:;。！？)\"”»";

    private final float bodySize;
    private final float lineStep;

    private Blocks(float bodySize, float lineStep) {
        this.bodySize = bodySize;
        this.lineStep = lineStep;
    }

    /**
     * The dominant font size of the document's text, weighted by characters; of equally dominant
     * sizes the largest (by {@link Float#compare}); 10 when there are no lines.
     */
    static float bodyFontSize(List<PageLines> pages) {
        CharCounts chars = new CharCounts(); // by the size's bits: as Float keys are told apart
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                chars.add(Float.floatToIntBits(l.fontSize()), l.text().length());
            }
        }
        if (chars.isEmpty()) {
            return 10f;
        }
        float best = Float.NaN;
        boolean first = true;
        for (long bits : chars.keysWith(chars.maxCount())) {
            float size = Float.intBitsToFloat((int) bits);
            if (first || Float.compare(size, best) > 0) {
                best = size;
                first = false;
            }
        }
        return best;
    }

    /** The usual distance between baselines of consecutive body lines. */
    static float lineStep(List<PageLines> pages, float bodySize) {
        float[] steps = new float[4096];
        int n = 0;
        for (PageLines p : pages) {
            List<Line> lines = p.lines();
            for (int i = 1; i < lines.size() && n < steps.length; i++) {
                Line a = lines.get(i - 1);
                Line b = lines.get(i);
                float dy = b.y() - a.y();
                if (Math.abs(a.fontSize() - bodySize) < 0.6f && Math.abs(b.fontSize() - bodySize) < 0.6f
                        && dy > bodySize * 0.5f && dy < bodySize * 3) {
                    steps[n++] = dy;
                }
            }
        }
        if (n == 0) {
            return bodySize * 1.2f;
        }
        Arrays.sort(steps, 0, n);
        return steps[n / 2];
    }

    /** The document's blocks, in reading order. */
    static List<Block> of(List<PageLines> pages, float bodySize) {
        return new Blocks(bodySize, lineStep(pages, bodySize)).group(pages);
    }

    private List<Block> group(List<PageLines> pages) {
        List<Block> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        float currentWidth = 0;
        for (PageLines page : pages) {
            for (Line line : page.lines()) {
                if (!current.isEmpty() && breaksBefore(current.get(current.size() - 1), line, currentWidth, current)) {
                    blocks.add(block(blocks.size(), current));
                    current.clear();
                    currentWidth = 0;
                }
                current.add(line);
                currentWidth = Math.max(currentWidth, line.width());
            }
        }
        if (!current.isEmpty()) {
            blocks.add(block(blocks.size(), current));
        }
        return blocks;
    }

    private boolean breaksBefore(Line prev, Line line, float blockWidth, List<Line> block) {
        if (Math.abs(prev.fontSize() - line.fontSize()) > 0.8f || prev.bold() != line.bold()) {
            return true;
        }
        if (isListItem(line.text())) {
            return true;
        }
        boolean prevEnds = endsSentence(prev.text());
        if (line.page() != prev.page()) {
            // a paragraph running over the page break continues
            return prevEnds || !startsLowercase(line.text()) || line.fontSize() > bodySize + 0.8f;
        }
        float dy = line.y() - prev.y();
        float step = Math.max(lineStep * line.fontSize() / Math.max(bodySize, 1), line.fontSize() * 0.9f);
        if (dy > step * 1.45f || dy < -line.fontSize() * 0.5f) {
            return true; // a gap, or a jump back up (the next column)
        }
        if (prevEnds && prev.width() < blockWidth * 0.75f && block.size() > 1) {
            return true; // a short last line ended the paragraph
        }
        // an indented first line after a full stop starts a new paragraph
        return prevEnds && line.x() > prev.x() + line.fontSize() * 0.8f && line.x() - prev.x() < line.fontSize() * 5;
    }

    /** {@code LIST_ITEM.matcher(text).matches()}, without the regex engine (every line is asked). */
    static boolean isListItem(String text) {
        int n = text.length();
        if (n >= 2 && BULLETS.indexOf(text.charAt(0)) >= 0) {
            return Spaces.isRegexSpace(text.charAt(1)) && noLineTerminator(text, 2);
        }
        int from = n > 0 && text.charAt(0) == '(' ? 1 : 0;
        int end = from;
        while (end < n && end - from <= 3 && isLowerAsciiOrDigit(text.charAt(end))) {
            end++;
        }
        int run = end - from;
        return run >= 1 && run <= 3 && end + 1 < n && (text.charAt(end) == '.' || text.charAt(end) == ')')
                && Spaces.isRegexSpace(text.charAt(end + 1)) && noLineTerminator(text, end + 2);
    }

    /** {@code ENDS_SENTENCE.matcher(text).matches()}, without the regex engine (every line is asked). */
    static boolean endsSentence(String text) {
        return !text.isEmpty() && SENTENCE_ENDS.indexOf(text.charAt(text.length() - 1)) >= 0
                && noLineTerminator(text, 0);
    }

    /** The regex {@code \\s}: ASCII whitespace only. */

    private static boolean isLowerAsciiOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The regex {@code .} matches every char but these line terminators. */
    private static boolean noLineTerminator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsLowercase(String text) {
        int c = text.codePointAt(0);
        return Character.isLowerCase(c);
    }

    private static Block block(int index, List<Line> lines) {
        StringBuilder text = new StringBuilder();
        int bold = 0;
        for (Line l : lines) {
            join(text, l.text());
            if (l.bold()) {
                bold++;
            }
        }
        Line first = lines.get(0);
        return new Block(index, false, 0, text.toString(), first.page(), first.y(), first.fontSize(),
                bold * 2 > lines.size(), lines.size());
    }

    /** Appends a line, undoing a hyphen at the end of the previous one when the word continues in lowercase. */
    static void join(StringBuilder text, String line) {
        if (text.length() == 0) {
            text.append(line);
            return;
        }
        int last = text.length() - 1;
        char end = text.charAt(last);
        boolean letterBefore = last > 0 && Character.isLetter(text.charAt(last - 1));
        if ((end == '-' || end == '\u00AD' || end == '\u2010') && letterBefore) {
            if (!line.isEmpty() && Character.isLowerCase(line.codePointAt(0))) {
                text.setLength(last); // conver- + sion
            } else if (end == '\u00AD') {
                text.setLength(last);
            }
            text.append(line);
            return;
        }
        if (isCjk(end) && !line.isEmpty() && isCjk(line.charAt(0))) {
            text.append(line); // CJK lines join without a space
            return;
        }
        text.append(' ').append(line);
    }

    static boolean isCjk(int c) {
        if (c < 0x1100) {
            return false; // no Han, kana or Hangul below U+1100: skips the script look-up for Latin text
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }
}
