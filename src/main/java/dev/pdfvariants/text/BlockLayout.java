package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a block sits on its page, recovered from the lines it was grouped from: its left edge,
 * its widest line, the page size and the vertical space that separates it from its neighbours.
 * The heading detector needs this to tell a stand-alone heading from a table cell or a label.
 *
 * @param x          left edge of its first line, in points
 * @param width      its widest line, in points
 * @param lastY      baseline of its last line, from the page's top
 * @param pageWidth  page width in points
 * @param pageHeight page height in points
 * @param gapAbove   baseline distance from the previous block's last line, or -1 when nothing is
 *                   right above it (the first block of its page or of a column)
 * @param gapBelow   baseline distance to the next block's first line, or -1 when nothing is right
 *                   below it (the last block of its page or of a column)
 */
record BlockLayout(float x, float width, float lastY, float pageWidth, float pageHeight, float gapAbove,
        float gapBelow) {

    /**
     * The layout of every block, in block order, or null when the blocks were not grouped from
     * exactly these lines (then the detector works without geometry).
     */
    static List<BlockLayout> of(List<Block> blocks, List<PageLines> pages) {
        // each pass over the lines or the blocks in its own method: small units for the JIT
        List<Line> lines = new ArrayList<>();
        List<PageLines> pageOf = new ArrayList<>();
        flatten(pages, lines, pageOf);
        if (lineCount(blocks) != lines.size()) {
            return null;
        }
        float[][] spans = spans(blocks, lines, pageOf);
        return spans == null ? null : layout(blocks, spans);
    }

    private static void flatten(List<PageLines> pages, List<Line> lines, List<PageLines> pageOf) {
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                lines.add(l);
                pageOf.add(p);
            }
        }
    }

    private static int lineCount(List<Block> blocks) {
        int total = 0;
        for (Block b : blocks) {
            total += b.lines();
        }
        return total;
    }

    /**
     * Per block: left edge, width, first and last baseline, last page, page width and height; null
     * when a block does not start with the line expected.
     */
    private static float[][] spans(List<Block> blocks, List<Line> lines, List<PageLines> pageOf) {
        float[][] spans = new float[blocks.size()][];
        int next = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Line first = lines.get(next);
            if (first.page() != b.page() || !b.text().startsWith(first.text().substring(0, Math.min(4, first.text().length())))) {
                return null;
            }
            spans[i] = span(lines, next, b.lines(), pageOf.get(next));
            next += b.lines();
        }
        return spans;
    }

    private static float[] span(List<Line> lines, int from, int count, PageLines page) {
        Line first = lines.get(from);
        float width = 0;
        for (int k = from; k < from + count; k++) {
            width = Math.max(width, lines.get(k).width());
        }
        Line last = lines.get(from + count - 1);
        return new float[] {first.x(), width, first.y(), last.y(), last.page(), page.width(), page.height()};
    }

    private static List<BlockLayout> layout(List<Block> blocks, float[][] spans) {
        List<BlockLayout> layout = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            float[] s = spans[i];
            float above = i > 0 && spans[i - 1][4] == blocks.get(i).page() ? s[2] - spans[i - 1][3] : -1;
            float below = i + 1 < blocks.size() && blocks.get(i + 1).page() == (int) s[4] ? spans[i + 1][2] - s[3] : -1;
            layout.add(new BlockLayout(s[0], s[1], s[3], s[5], s[6], above > 0 ? above : -1, below > 0 ? below : -1));
        }
        return layout;
    }
}
