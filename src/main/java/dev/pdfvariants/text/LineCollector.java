package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Turns the words a PDFBox text stripper writes into {@link Line}s with their font size, weight
 * and position. Fed from inside the stripper's own pass (its {@code writeString} and
 * {@code writeLineSeparator} hooks), so the layout costs no second extraction.
 * <p>
 * Not thread-safe: one per extraction.
 */
public final class LineCollector {
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int page;
    private int chars;
    private int boldChars;
    private float minX = Float.MAX_VALUE;
    private float maxX = -Float.MAX_VALUE;
    private float baselineSum;
    /** Characters per font size (rounded to 0.5 pt), to find the dominant size. */
    private float[] sizeKeys = new float[8];
    private int[] sizeCounts = new int[8];
    private int sizeCount;
    /** The size (before rounding) last counted, and where: NaN when none on this line. */
    private float lastSize = Float.NaN;
    private int lastSizeIndex;
    private boolean pendingSpace;
    private PDFont lastFont;
    private boolean lastFontBold;

    /** Starts a new page, dropping anything left from the previous one. */
    public void startPage(int pageNumber) {
        page = pageNumber;
        lines.clear();
        resetLine();
    }

    /** A word (or run of words) and the glyph positions it came from. */
    public void word(String word, List<TextPosition> positions) {
        if (word.isEmpty()) {
            return;
        }
        if (pendingSpace && text.length() > 0) {
            text.append(' ');
        }
        pendingSpace = false;
        text.append(word);
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u == null || blank(u)) {
                continue;
            }
            chars++;
            float size = p.getFontSizeInPt();
            if (!(size > 0) || size > 500) {
                size = p.getHeightDir();
            }
            countSize(size);
            if (isBold(p.getFont())) {
                boldChars++;
            }
            place(p);
        }
    }

    /** {@code u.isBlank()}, with a short cut for the usual one-char glyph text. */
    private static boolean blank(String u) {
        return u.length() == 1 ? Character.isWhitespace(u.charAt(0)) : u.isBlank();
    }

    /** Adds a glyph's extent and baseline to the line's. */
    private void place(TextPosition p) {
        float x;
        float width;
        float y;
        if (p.getDir() == 0) {
            // upright text: what getXDirAdj, getWidthDirAdj and getYDirAdj give, without their cases per rotation
            Matrix m = p.getTextMatrix();
            x = m.getTranslateX();
            width = Math.abs(p.getEndX() - x);
            y = p.getPageHeight() - m.getTranslateY();
        } else {
            x = p.getXDirAdj();
            width = p.getWidthDirAdj();
            y = p.getYDirAdj();
        }
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x + width);
        baselineSum += y;
    }

    /** The stripper put a word separator here. */
    public void space() {
        pendingSpace = true;
    }

    /** The stripper ended a line. */
    public void endLine() {
        String t = text.toString().strip();
        if (!t.isEmpty() && chars > 0 && hasLetterOrDigit(t)) {
            float dominant = 0;
            int best = -1;
            for (int i = 0; i < sizeCount; i++) {
                if (sizeCounts[i] > best || (sizeCounts[i] == best && sizeKeys[i] > dominant)) {
                    best = sizeCounts[i];
                    dominant = sizeKeys[i];
                }
            }
            lines.add(new Line(page, collapseSpaces(t), minX, baselineSum / chars, Math.max(0, maxX - minX),
                    dominant, boldChars * 10 >= chars * 6));
        }
        resetLine();
    }

    /** The page's lines, closing a line left open. */
    public PageLines finishPage(float width, float height) {
        endLine();
        PageLines result = new PageLines(page, width, height, lines);
        lines.clear();
        return result;
    }

    private static boolean hasLetterOrDigit(String t) {
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private void resetLine() {
        text.setLength(0);
        sizeCount = 0;
        lastSize = Float.NaN;
        chars = 0;
        boldChars = 0;
        minX = Float.MAX_VALUE;
        maxX = -Float.MAX_VALUE;
        baselineSum = 0;
        pendingSpace = false;
    }

    /** Counts a glyph's size (rounded to 0.5 pt); glyphs come in runs of one size, so the last one is remembered. */
    private void countSize(float raw) {
        if (raw == lastSize) {
            sizeCounts[lastSizeIndex]++;
            return;
        }
        float size = Math.round(raw * 2) / 2f;
        int i = 0;
        while (i < sizeCount && sizeKeys[i] != size) {
            i++;
        }
        if (i == sizeCount) {
            if (sizeCount == sizeKeys.length) {
                sizeKeys = java.util.Arrays.copyOf(sizeKeys, sizeCount * 2);
                sizeCounts = java.util.Arrays.copyOf(sizeCounts, sizeCount * 2);
            }
            sizeKeys[sizeCount++] = size;
            sizeCounts[i] = 0;
        }
        sizeCounts[i]++;
        lastSize = raw;
        lastSizeIndex = i;
    }

    private static String collapseSpaces(String t) {
        return Spaces.collapse(t);
    }

    private boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        if (font != lastFont) { // glyphs come in runs of one font
            lastFont = font;
            lastFontBold = boldFonts.computeIfAbsent(font, LineCollector::looksBold);
        }
        return lastFontBold;
    }

    private static boolean looksBold(PDFont font) {
        try {
            PDFontDescriptor d = font.getFontDescriptor();
            if (d != null && (d.isForceBold() || d.getFontWeight() >= 600)) {
                return true;
            }
            String name = font.getName();
            if (name == null && d != null) {
                name = d.getFontName();
            }
            if (name == null) {
                return false;
            }
            String n = name.toLowerCase(Locale.ROOT);
            int plus = n.indexOf('+');
            if (plus == 6) {
                n = n.substring(7); // subset tag
            }
            return n.contains("bold") || n.contains("black") || n.contains("heavy") || n.contains("demi")
                    || n.contains("semibd") || n.endsWith("-bd") || n.contains(",bd") || n.matches(".*cmbx.*|.*-b$|.*bx\\d+$");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
