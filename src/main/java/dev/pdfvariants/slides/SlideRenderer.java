package dev.pdfvariants.slides;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a {@link Deck} to PDF with PDFBox: one 16:9 page per slide, text wrapped by the real
 * glyph widths and shrunk until it fits its slide (cut with an ellipsis only below the smallest
 * readable size). Fonts are embedded as subsets: the bundled DejaVu Sans, plus a system font for
 * characters it lacks. Characters no available font has are drawn as {@code ?} and reported.
 */
public final class SlideRenderer {
    static final PDRectangle PAGE = new PDRectangle(960, 540);
    private static final float MARGIN = 54;
    private static final float MIN_SIZE = 12;
    private static final Color TITLE = new Color(0x1F, 0x3A, 0x5F);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x77, 0x77, 0x77);
    private static final Color ACCENT = new Color(0x3A, 0x7C, 0xA5);

    private final PDDocument doc;
    private final PDType0Font primary;
    private final CmapLookup primaryGlyphs;
    private final Map<Integer, PDType0Font> fallbackFor = new HashMap<>();
    private final TreeSet<String> missingScripts = new TreeSet<>();
    private boolean rightToLeft;

    private SlideRenderer(PDDocument doc) throws IOException {
        this.doc = doc;
        this.primary = SlideFonts.loadBundled(doc);
        this.primaryGlyphs = SlideFonts.bundled();
    }

    /**
     * Writes the deck as PDF to {@code out}.
     *
     * @return warnings about the glyphs that could not be drawn (never the document's text)
     */
    public static List<String> render(Deck deck, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            SlideRenderer r = new SlideRenderer(doc);
            r.prepareFonts(deck);
            r.titleSlide(deck);
            int number = 1;
            for (Slide s : deck.slides()) {
                r.contentSlide(s, ++number, deck.pageCount());
            }
            doc.getDocumentInformation().setTitle(r.clean(deck.title()));
            doc.getDocumentInformation().setProducer("pdfvariants");
            doc.save(out);
            List<String> warnings = new ArrayList<>();
            if (!r.missingScripts.isEmpty()) {
                warnings.add("presentation: no installed font has glyphs for some " + String.join(", ", r.missingScripts)
                        + " characters; they are drawn as '?' (install a font for them, e.g. Debian's fonts-noto-core)");
            }
            if (r.rightToLeft) {
                warnings.add("presentation: right-to-left text is drawn in logical order, without contextual shaping");
            }
            return warnings;
        }
    }

    private void prepareFonts(Deck deck) throws IOException {
        StringBuilder all = new StringBuilder(deck.title()).append(deck.subtitle() == null ? "" : deck.subtitle());
        deck.slides().forEach(s -> {
            all.append(s.title());
            s.points().forEach(all::append);
        });
        Map<Path, PDType0Font> loaded = new HashMap<>();
        all.codePoints().distinct().sorted().forEach(cp -> {
            if (Character.isWhitespace(cp) || primaryGlyphs.getGlyphId(cp) > 0) {
                return;
            }
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                rightToLeft = true;
            }
            Path file = SlideFonts.systemFontFor(cp);
            if (file == null) {
                if (Character.isLetterOrDigit(cp)) {
                    missingScripts.add(Character.UnicodeScript.of(cp).name().toLowerCase(java.util.Locale.ROOT));
                }
                return;
            }
            try {
                PDType0Font font = loaded.get(file);
                if (font == null) {
                    font = SlideFonts.load(doc, file);
                    loaded.put(file, font);
                }
                fallbackFor.put(cp, font);
            } catch (IOException e) {
                missingScripts.add(Character.UnicodeScript.of(cp).name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        for (int cp : all.codePoints().toArray()) {
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                rightToLeft = true;
                break;
            }
        }
    }

    private record Run(PDType0Font font, String text) {
    }

    /** Splits text into runs drawable with one font each; characters without a glyph become '?'. */
    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType0Font currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            PDType0Font font;
            String ch;
            if (Character.isWhitespace(cp)) {
                font = currentFont != null ? currentFont : primary;
                ch = " ";
                if (font != primary && !canDraw(font, ' ')) {
                    font = primary;
                }
            } else if (primaryGlyphs.getGlyphId(cp) > 0) {
                font = primary;
                ch = new String(Character.toChars(cp));
            } else if (fallbackFor.containsKey(cp)) {
                font = fallbackFor.get(cp);
                ch = new String(Character.toChars(cp));
            } else {
                if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                    continue; // zero-width and control characters
                }
                font = primary;
                ch = "?";
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.append(ch);
        }
        if (current.length() > 0) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    private static boolean canDraw(PDType0Font font, char c) {
        try {
            font.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private float width(String text, float size) throws IOException {
        float w = 0;
        for (Run r : runs(text)) {
            w += r.font().getStringWidth(r.text()) / 1000 * size;
        }
        return w;
    }

    private void draw(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        float at = x;
        for (Run r : runs(text)) {
            cs.beginText();
            cs.setFont(r.font(), size);
            cs.newLineAtOffset(at, y);
            cs.showText(r.text());
            cs.endText();
            at += r.font().getStringWidth(r.text()) / 1000 * size;
        }
    }

    /** Greedy wrap by glyph widths; words longer than a line are broken; CJK breaks between characters. */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : tokens(text)) {
            String candidate = line.length() == 0 ? word.stripLeading() : line + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            String rest = word.stripLeading();
            while (width(rest, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** Words with their leading space; each CJK character is a word of its own. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean cjk = Character.isIdeographic(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA;
            if ((Character.isWhitespace(cp) || cjk) && t.length() > 0 && !t.toString().isBlank()) {
                tokens.add(t.toString());
                t.setLength(0);
            }
            t.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            if (cjk) {
                tokens.add(t.toString());
                t.setLength(0);
            }
        }
        if (t.length() > 0) {
            tokens.add(t.toString());
        }
        return tokens;
    }

    private String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private void titleSlide(Deck deck) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float width = PAGE.getWidth() - 2 * MARGIN;
            float size = 40;
            List<String> lines = wrap(clean(deck.title()), size, width);
            while (lines.size() > 3 && size > 22) {
                size -= 2;
                lines = wrap(clean(deck.title()), size, width);
            }
            lines = fit(lines, 4, size, width);
            float y = PAGE.getHeight() * 0.62f + (lines.size() - 1) * size * 0.6f;
            cs.setNonStrokingColor(TITLE);
            for (String l : lines) {
                draw(cs, l, MARGIN, y, size);
                y -= size * 1.2f;
            }
            cs.setStrokingColor(ACCENT);
            cs.setLineWidth(3);
            cs.moveTo(MARGIN, y + size * 0.5f);
            cs.lineTo(MARGIN + 160, y + size * 0.5f);
            cs.stroke();
            if (deck.subtitle() != null) {
                cs.setNonStrokingColor(MUTED);
                float sub = 20;
                y -= sub * 0.8f;
                for (String l : fit(wrap(clean(deck.subtitle()), sub, width), 3, sub, width)) {
                    draw(cs, l, MARGIN, y, sub);
                    y -= sub * 1.3f;
                }
            }
        }
    }

    private void contentSlide(Slide slide, int number, int total) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float width = PAGE.getWidth() - 2 * MARGIN;
            float titleSize = 30;
            List<String> title = wrap(clean(slide.title()), titleSize, width);
            while (title.size() > 2 && titleSize > 20) {
                titleSize -= 2;
                title = wrap(clean(slide.title()), titleSize, width);
            }
            title = fit(title, 2, titleSize, width);
            float y = PAGE.getHeight() - MARGIN - titleSize * 0.4f;
            cs.setNonStrokingColor(TITLE);
            for (String l : title) {
                draw(cs, l, MARGIN, y, titleSize);
                y -= titleSize * 1.15f;
            }
            cs.setStrokingColor(ACCENT);
            cs.setLineWidth(2);
            cs.moveTo(MARGIN, y + titleSize * 0.35f);
            cs.lineTo(PAGE.getWidth() - MARGIN, y + titleSize * 0.35f);
            cs.stroke();
            float top = y - 12;
            float bottom = MARGIN;
            float indent = 26;
            float size = 22;
            List<List<String>> bullets;
            while (true) {
                bullets = new ArrayList<>();
                float needed = 0;
                for (String p : slide.points()) {
                    List<String> lines = wrap(clean(p), size, width - indent);
                    bullets.add(lines);
                    needed += lines.size() * size * 1.3f + size * 0.6f;
                }
                if (needed <= top - bottom || size <= MIN_SIZE) {
                    break;
                }
                size -= 1;
            }
            bullets = cut(bullets, (int) Math.floor((top - bottom) / (size * 1.3f)), size, width - indent);
            y = top - size;
            for (List<String> lines : bullets) {
                cs.setNonStrokingColor(ACCENT);
                draw(cs, "•", MARGIN + 4, y, size);
                cs.setNonStrokingColor(TEXT);
                for (String l : lines) {
                    draw(cs, l, MARGIN + indent, y, size);
                    y -= size * 1.3f;
                }
                y -= size * 0.6f;
            }
            cs.setNonStrokingColor(MUTED);
            String footer = (slide.page() != null ? "p. " + slide.page() + "   " : "") + number + " / " + total;
            draw(cs, footer, PAGE.getWidth() - MARGIN - width(footer, 10), 24, 10);
        }
    }

    /** At most {@code max} lines; the last one ends with an ellipsis when text was cut. */
    private List<String> fit(List<String> lines, int max, float size, float width) throws IOException {
        if (lines.size() <= max) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, max));
        kept.set(max - 1, ellipsis(kept.get(max - 1), size, width));
        return kept;
    }

    /** Keeps whole bullets while they fit the line budget, cutting the first that does not. */
    private List<List<String>> cut(List<List<String>> bullets, int lineBudget, float size, float width) throws IOException {
        List<List<String>> kept = new ArrayList<>();
        int used = 0;
        for (List<String> b : bullets) {
            int room = lineBudget - used;
            if (room <= 0) {
                break;
            }
            kept.add(b.size() <= room ? b : fit(b, room, size, width));
            used += Math.min(room, b.size()) + 1;
        }
        return kept;
    }

    private String ellipsis(String line, float size, float width) throws IOException {
        String s = line;
        while (!s.isEmpty() && width(s + "…", size) > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s.stripTrailing() + "…";
    }
}
