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
        List<Line> lines = new ArrayList<>();
        List<PageLines> pageOf = new ArrayList<>();
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                lines.add(l);
                pageOf.add(p);
            }
        }
        int total = 0;
        for (Block b : blocks) {
            total += b.lines();
        }
        if (total != lines.size()) {
            return null;
        }
        float[][] spans = new float[blocks.size()][];
        int next = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Line first = lines.get(next);
            if (first.page() != b.page() || !b.text().startsWith(first.text().substring(0, Math.min(4, first.text().length())))) {
                return null;
            }
            float width = 0;
            for (int k = next; k < next + b.lines(); k++) {
                width = Math.max(width, lines.get(k).width());
            }
            Line last = lines.get(next + b.lines() - 1);
            PageLines page = pageOf.get(next);
            spans[i] = new float[] {first.x(), width, first.y(), last.y(), last.page(), page.width(), page.height()};
            next += b.lines();
        }
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
