package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Edge lines picked without sorting, and keys built without regexes, as before. */
class RunningMatterTest {

    @Test
    void edgeLinesAreThoseOfAStableSortByYOnRandomPages() {
        float[] ys = {10, 20, 20, 50, 300, 700, 740, 740, 780, 0f, -0f, Float.NaN, 792, -5};
        String[] texts = {"Page 1", "Annual Report", "body text", "3"};
        Random random = new Random(4);
        for (int round = 0; round < 20_000; round++) {
            List<Line> lines = new ArrayList<>();
            int n = random.nextInt(9);
            for (int i = 0; i < n; i++) {
                float y = ys[random.nextInt(ys.length)];
                // equal records happen: the same text at the same place
                lines.add(new Line(1, texts[random.nextInt(texts.length)], 72, y, 100, 10, false));
            }
            PageLines page = new PageLines(1, 612, random.nextBoolean() ? 792 : 0, lines);
            assertThat(RunningMatter.edgeLines(page)).as("%s", lines).isEqualTo(sorted(page));
        }
    }

    /** As it was: a stable sort by y, then up to three lines from each end. */
    private static List<Line> sorted(PageLines page) {
        List<Line> byY = new ArrayList<>(page.lines());
        byY.sort(Comparator.comparingDouble(Line::y));
        List<Line> edge = new ArrayList<>();
        float h = page.height() > 0 ? page.height() : 792;
        for (int i = 0; i < Math.min(3, byY.size()); i++) {
            if (byY.get(i).y() <= h * 0.14f) {
                edge.add(byY.get(i));
            }
        }
        for (int i = byY.size() - 1; i >= Math.max(0, byY.size() - 3); i--) {
            Line l = byY.get(i);
            if (l.y() >= h * (1 - 0.14f) && !edge.contains(l)) {
                edge.add(l);
            }
        }
        return edge;
    }

    @Test
    void keysAreTheRegexReplacementsOnRandomText() {
        String[] pieces = {"Page", "PAGE", "İ", "ß", "12", "3", "٣", "¹", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0",
            "\u2003", "\u2028", "of", "-", "Annual Report 2024", "\uD835\uDFCE", "x"};
        Random random = new Random(6);
        for (int n = 0; n < 100_000; n++) {
            String text = RandomText.of(random, pieces, 10);
            String expected = text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
            assertThat(RunningMatter.key(text)).as(text).isEqualTo(expected);
        }
    }
}
