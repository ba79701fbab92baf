package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A line's geometry and dominant size are those PDFBox's own accessors give, in every text
 * direction: the collector reads upright glyphs' coordinates straight from their matrix and
 * remembers the last size counted, which must change nothing.
 */
class LineCollectorTest {
    /** Text matrices of a 10-point font for the four directions PDFBox tells apart, and a skewed one. */
    private static final float[][] DIRECTIONS = {
        {10, 0, 0, 10}, // upright
        {0, 10, -10, 0}, // 90: reads upwards
        {-10, 0, 0, -10}, // 180: upside down
        {0, -10, 10, 0}, // 270: reads downwards
        {10, 3, 2, 10}, // upright, a little skewed
    };
    private static final String[] TEXTS = {"a", "B", "é", " ", "\u00a0", "\u2003", "fi", "  ", "\t", "中"};

    @Test
    void linesMatchPdfboxsAccessorsInEveryDirection() {
        Random random = new Random(8);
        int lines = 0;
        LineCollector collector = new LineCollector(); // one for all pages, as for a document: nothing may leak between lines
        for (int round = 0; round < 400; round++) {
            collector.startPage(round + 1);
            List<Line> expected = new ArrayList<>();
            for (int l = 0; l < 5; l++) {
                float[] m = DIRECTIONS[random.nextInt(DIRECTIONS.length)];
                List<TextPosition> all = new ArrayList<>();
                for (int word = 0, words = 1 + random.nextInt(6); word < words; word++) {
                    List<TextPosition> glyphs = new ArrayList<>();
                    for (int g = 0, n = 1 + random.nextInt(5); g < n; g++) {
                        float x = random.nextInt(2400) * 0.25f;
                        float y = random.nextInt(3200) * 0.25f;
                        float width = random.nextInt(40) * 0.25f;
                        // sizes in runs, with odd ones that fall back to the glyph height
                        int size = random.nextInt(4) == 0 ? new int[] {0, -3, 900, 11, 12}[random.nextInt(5)] : 10;
                        glyphs.add(new TextPosition(0, 612, 792, new Matrix(m[0], m[1], m[2], m[3], x, y), x + width,
                                y + width, 7.5f + random.nextInt(3), width, 3, TEXTS[random.nextInt(TEXTS.length)],
                                new int[] {1}, null, 10, size));
                    }
                    all.addAll(glyphs);
                    collector.word("w" + word, glyphs);
                    collector.space();
                }
                collector.endLine();
                Line line = reference(round + 1, all);
                if (line != null) {
                    expected.add(line);
                }
            }
            List<Line> got = collector.finishPage(612, 792).lines();
            assertThat(got).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                Line line = got.get(i);
                Line want = expected.get(i);
                assertThat(line.x()).as("x, page %d line %d", round, i).isEqualTo(want.x());
                assertThat(line.width()).as("width, page %d line %d", round, i).isEqualTo(want.width());
                assertThat(line.y()).as("baseline, page %d line %d", round, i).isEqualTo(want.y());
                assertThat(line.fontSize()).as("size, page %d line %d", round, i).isEqualTo(want.fontSize());
                lines++;
            }
        }
        assertThat(lines).as("lines with visible glyphs").isGreaterThan(1_500);
    }

    /** The line as computed with PDFBox's accessors for every visible glyph; null when there is none. */
    private static Line reference(int page, List<TextPosition> glyphs) {
        int chars = 0;
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float baselines = 0;
        java.util.Map<Float, Integer> sizes = new java.util.LinkedHashMap<>();
        for (TextPosition p : glyphs) {
            if (p.getUnicode().isBlank()) {
                continue;
            }
            chars++;
            float size = p.getFontSizeInPt();
            if (!(size > 0) || size > 500) {
                size = p.getHeightDir();
            }
            sizes.merge(Math.round(size * 2) / 2f, 1, Integer::sum);
            minX = Math.min(minX, p.getXDirAdj());
            maxX = Math.max(maxX, p.getXDirAdj() + p.getWidthDirAdj());
            baselines += p.getYDirAdj();
        }
        if (chars == 0) {
            return null;
        }
        float dominant = 0;
        int best = -1;
        for (var e : sizes.entrySet()) { // the most characters; of equally many, the larger size
            if (e.getValue() > best || (e.getValue() == best && e.getKey() > dominant)) {
                best = e.getValue();
                dominant = e.getKey();
            }
        }
        return new Line(page, "", minX, baselines / chars, Math.max(0, maxX - minX), dominant, false);
    }
}
