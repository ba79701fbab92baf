package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The document's body size ({@link Blocks#bodyFontSize}) and prose style
 * ({@link HeadingDetector#proseStyle}) are counted in {@link CharCounts} instead of boxed maps:
 * each is checked against the map formulation it replaced, on random documents whose sizes tie,
 * repeat, differ only in sign of zero, or are not numbers.
 */
class BodyStyleTest {
    private static final float[] SIZES = {10f, 10.25f, 10.5f, 11f, 12f, 0f, -0f, Float.NaN, 9.74f, 9.76f, 1e30f, -3f};
    private static final String[] TEXTS = {"x", "Page 3", "A heading line",
        "the quick brown fox jumps over the lazy dog again and again",
        "many more words of running prose follow here, as in any paragraph of a report",
        "SHOUTING CAPITALS ARE NOT PROSE AT ALL HERE", ""};

    @Test
    void charCountsSumAsABoxedMapDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            CharCounts counts = new CharCounts();
            Map<Long, Integer> expected = new HashMap<>();
            int keys = 1 + random.nextInt(round % 10 == 0 ? 2000 : 20); // some tables grow many times
            for (int i = 0, n = random.nextInt(3000); i < n; i++) {
                long key = random.nextInt(keys) - keys / 2 + (random.nextInt(8) == 0 ? Long.MIN_VALUE : 0);
                int chars = random.nextInt(8) == 0 ? Integer.MAX_VALUE / 3 : random.nextInt(200); // sums wrap as Integer::sum
                counts.add(key, chars);
                expected.merge(key, chars, Integer::sum);
            }
            assertThat(counts.isEmpty()).isEqualTo(expected.isEmpty());
            int max = expected.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            assertThat(counts.maxCount()).isEqualTo(max);
            assertThat(java.util.Arrays.stream(counts.keysWith(max)).boxed().toList()).containsExactlyInAnyOrderElementsOf(
                    expected.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).toList());
        }
    }

    @Test
    void bodyFontSizeIsTheBoxedMapsMaximum() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            List<PageLines> pages = randomPages(random);
            assertThat(Float.floatToIntBits(Blocks.bodyFontSize(pages)))
                    .as("round %d", round).isEqualTo(Float.floatToIntBits(boxedBodyFontSize(pages)));
        }
    }

    @Test
    void proseStyleIsTheNamedMapsMaximum() {
        Random random = new Random(13);
        int found = 0;
        for (int round = 0; round < 2000; round++) {
            List<PageLines> pages = randomPages(random);
            String expected = namedProseStyle(pages);
            assertThat(HeadingDetector.proseStyle(pages)).as("round %d", round).isEqualTo(expected);
            found += expected == null ? 0 : 1;
        }
        assertThat(found).as("documents with enough prose to decide").isGreaterThan(500);
    }

    @Test
    void equallyCommonStylesGoToTheNameLastInOrder() {
        String prose = TEXTS[3];
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(new Line(1, prose, 72, 100 + 12 * i, 400, 9f, false));
            lines.add(new Line(1, prose, 72, 300 + 12 * i, 400, 12f, true));
            lines.add(new Line(1, prose, 72, 500 + 12 * i, 400, 12f, false));
        }
        List<PageLines> pages = List.of(new PageLines(1, 612, 792, lines));
        assertThat(HeadingDetector.proseStyle(pages)).isEqualTo("9.0/r"); // "9.0/r" > "12.0/r" > "12.0/b" as strings
        assertThat(Blocks.bodyFontSize(pages)).isEqualTo(12f); // the larger of equally common sizes
        assertThat(Blocks.bodyFontSize(List.of())).isEqualTo(10f);
    }

    private static List<PageLines> randomPages(Random random) {
        List<PageLines> pages = new ArrayList<>();
        float[] sizes = new float[1 + random.nextInt(4)];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = SIZES[random.nextInt(SIZES.length)];
        }
        for (int p = 0, n = random.nextInt(4); p < n; p++) {
            List<Line> lines = new ArrayList<>();
            for (int i = 0, m = random.nextInt(25); i < m; i++) {
                lines.add(new Line(p + 1, TEXTS[random.nextInt(TEXTS.length)], 72, 100 + 12 * i, 400,
                        sizes[random.nextInt(sizes.length)], random.nextInt(4) == 0));
            }
            pages.add(new PageLines(p + 1, 612, 792, lines));
        }
        return pages;
    }

    /** {@link Blocks#bodyFontSize} as it was written with a {@code HashMap<Float, Integer>}. */
    private static float boxedBodyFontSize(List<PageLines> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                chars.merge(l.fontSize(), l.text().length(), Integer::sum);
            }
        }
        return chars.entrySet().stream().max(Map.Entry.<Float, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(10f);
    }

    /** {@link HeadingDetector#proseStyle} as it was written with maps by style number and by name. */
    private static String namedProseStyle(List<PageLines> pages) {
        Map<Long, Integer> byStyle = new HashMap<>();
        int total = 0;
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                if (HeadingText.prose(l.text())) {
                    long style = (long) Math.round(l.fontSize() * 2) * 2 + (l.bold() ? 1 : 0);
                    byStyle.merge(style, l.text().length(), Integer::sum);
                    total += l.text().length();
                }
            }
        }
        if (total < 400) {
            return null;
        }
        Map<String, Integer> chars = new HashMap<>();
        byStyle.forEach((style, count) -> chars.put((int) Math.floorDiv(style, 2L) / 2f
                + (Math.floorMod(style, 2L) == 1 ? "/b" : "/r"), count));
        return chars.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }
}
