package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds headings among blocks without looking at bookmarks.
 * <ol>
 * <li>The body style is the size and weight of most running prose (not of most characters: a
 * report full of tables sets more characters in its tables than in its paragraphs).</li>
 * <li>A candidate is a short, stand-alone block set larger or bolder than the body, or starting
 * with section numbering ({@code 1.}, {@code 2.3}, {@code IV.}, {@code A.1}, {@code Chapter 3});
 * captions, table-of-contents entries and pages, running headers and footers at the page edges,
 * numbered list items and lines ending like sentences are not.</li>
 * <li>A heading introduces text: a candidate must be followed by a paragraph, a list or a lesser
 * heading, not by more short lines (table cells, map labels, a staff list). A style whose
 * candidates are mostly followed by such short lines is not a heading style at all.</li>
 * <li>A label ({@code Chapter 3}, {@code Appendix A}) set right above a heading belongs to it.</li>
 * </ol>
 * Levels are inferred by {@link HeadingLevels}.
 */
final class HeadingDetector {
    /** Headings repeated more often than this are table headers or labels. */
    private static final int MAX_REPEATS = 3;
    /** Blocks this close to the top or bottom edge (share of the page height) are running matter. */
    private static final float EDGE = 0.05f;

    private enum Follow { TEXT, HEADING, SAME, OTHER }

    /** A section number alone ({@code 2.1.}, {@code IV.}), which ends in a full stop without being a sentence. */
    private static final java.util.regex.Pattern NUMBER_ONLY = java.util.regex.Pattern.compile("^[\\dIVXLCA-Z.]+\\.$");

    private final float fallbackSize;
    private final boolean fallbackBold;
    private float bodySize;
    private boolean bodyBold;
    private float lineStep;
    private List<Block> blocks;
    private List<BlockLayout> layout;
    private Set<Integer> tocPages;

    /** @param bodySize the document's dominant font size, used when it has too little prose to tell */
    HeadingDetector(float bodySize, boolean bodyBold) {
        this.fallbackSize = bodySize;
        this.fallbackBold = bodyBold;
    }

    /**
     * The blocks with headings marked and levelled; {@code title}, when not null, is never a heading.
     *
     * @param pages the lines the blocks were grouped from (for their position on the page)
     */
    List<Block> detect(List<Block> blocks, List<PageLines> pages, Block title) {
        this.blocks = blocks;
        this.layout = BlockLayout.of(blocks, pages);
        bodyStyle(pages);
        lineStep = Blocks.lineStep(pages, bodySize);
        tocPages = tocPages(pages);
        boolean[] candidate = new boolean[blocks.size()];
        boolean titled = false; // a table-of-contents page has one heading: its title, above its entries
        boolean entriesAbove = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean samePage = i > 0 && blocks.get(i - 1).page() == b.page();
            boolean toc = tocPages.contains(b.page());
            // entries above matter on a table-of-contents page only, and the blocks above on its page are on it too
            entriesAbove = samePage && toc && (entriesAbove || tocEntry(blocks.get(i - 1)));
            titled = samePage && titled;
            candidate[i] = b != title && !(toc && (titled || entriesAbove || tocEntry(b))) && isCandidate(i);
            titled |= toc && candidate[i];
        }
        dropListItems(candidate);
        dropRepeats(candidate);
        dropLabels(candidate);
        boolean[] heading = introducingText(candidate);
        Map<Integer, Float> margins = margins(pages);
        List<HeadingLevels.Heading> found = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (heading[i]) {
                Block b = blocks.get(i);
                BlockLayout l = layout == null ? null : layout.get(i);
                float margin = margins.getOrDefault(b.page(), 0f);
                boolean centred = l != null && l.x() > margin + l.pageWidth() * 0.1f
                        && Math.abs(l.x() + l.width() / 2 - l.pageWidth() / 2) < l.pageWidth() * 0.04f;
                found.add(new HeadingLevels.Heading(i, b.fontSize(), b.bold(), centred, l == null ? 0 : l.x() - margin,
                        l == null ? 612 : l.pageWidth(), HeadingText.numberingDepth(b.text())));
            }
        }
        Map<Integer, Integer> levels = HeadingLevels.of(found);
        List<Block> result = new ArrayList<>(blocks);
        for (HeadingLevels.Heading h : found) {
            result.set(h.index(), blocks.get(h.index()).asHeading(levels.get(h.index())));
        }
        return result;
    }

    /** The size and weight with the most characters of running prose; the dominant size when there is little prose. */
    private void bodyStyle(List<PageLines> pages) {
        String best = proseStyle(pages);
        bodySize = best == null ? fallbackSize : Float.parseFloat(best.substring(0, best.indexOf('/')));
        bodyBold = best == null ? fallbackBold : best.endsWith("/b");
    }

    /**
     * The style, named as "10.5/r" or "12.0/b" (the size to half a point, regular or bold), with the
     * most characters of prose lines, of equally common ones the name last in order; null when the
     * document has fewer than 400 characters of prose.
     */
    static String proseStyle(List<PageLines> pages) {
        CharCounts byStyle = new CharCounts(); // the half-point size's float bits, times two, plus one when bold
        int total = 0;
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                if (HeadingText.prose(l.text())) {
                    float size = Math.round(l.fontSize() * 2) / 2f;
                    byStyle.add(((long) Float.floatToIntBits(size) << 1) + (l.bold() ? 1 : 0), l.text().length());
                    total += l.text().length();
                }
            }
        }
        if (total < 400) {
            return null;
        }
        String best = null;
        for (long style : byStyle.keysWith(byStyle.maxCount())) {
            String name = Float.intBitsToFloat((int) (style >> 1)) + ((style & 1) == 1 ? "/b" : "/r");
            if (best == null || name.compareTo(best) > 0) {
                best = name;
            }
        }
        return best;
    }

    /**
     * Every page's left edge of body text (the most common left edge of its body-style lines), so
     * that indentation compares across pages with mirrored margins.
     */
    private Map<Integer, Float> margins(List<PageLines> pages) {
        Map<Integer, Float> margins = new HashMap<>();
        for (PageLines p : pages) {
            int[] edge = commonLeftEdge(p.lines(), bodySize, bodyBold);
            if (edge.length > 0) {
                margins.put(p.page(), (float) edge[0]);
            }
        }
        return margins;
    }

    /**
     * The most common left edge (rounded to a point) of the lines in the body style, the leftmost
     * of equally common ones; empty when no line is in the body style.
     */
    static int[] commonLeftEdge(List<Line> lines, float bodySize, boolean bodyBold) {
        int[] xs = new int[lines.size()];
        int n = 0;
        for (Line l : lines) {
            if (Math.abs(l.fontSize() - bodySize) < 0.6f && l.bold() == bodyBold) {
                xs[n++] = Math.round(l.x());
            }
        }
        if (n == 0) {
            return new int[0];
        }
        java.util.Arrays.sort(xs, 0, n);
        int best = xs[0];
        int bestCount = 0;
        for (int i = 0, j; i < n; i = j) {
            j = i + 1;
            while (j < n && xs[j] == xs[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = xs[i];
                bestCount = j - i;
            }
        }
        return new int[] {best};
    }

    private boolean isCandidate(int i) {
        Block b = blocks.get(i);
        String text = b.text();
        if (b.lines() > 3 || text.length() < 2 || text.length() > 200) {
            return false; // before counting words: most blocks are paragraphs
        }
        int words = HeadingText.words(text);
        if (words > 18 || atEdge(i)) {
            return false;
        }
        if (HeadingText.letterShare(text) < 0.5 || HeadingText.caption(text) || HeadingText.tocEntry(text)) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        boolean numbered = HeadingText.numbered(text);
        if (last == ',' || last == ';' || last == '-' || last == ':' || last == '=' || last == '、' || last == '，'
                || HeadingText.letters(text) < 2) {
            return false;
        }
        if (!Character.isLetterOrDigit(text.codePointAt(0)) && !numbered) {
            return false;
        }
        float ratio = b.fontSize() / bodySize;
        boolean larger = ratio >= 1.12f;
        boolean bolder = b.bold() && !bodyBold;
        if (ratio < (bolder && numbered ? 0.85f : 0.95f) || i + 1 >= blocks.size()) {
            return false; // smaller than the body (but for bold numbered sections), or nothing after it to introduce
        }
        if (Character.isLowerCase(HeadingText.firstLetter(text)) && !(numbered && (larger || bolder)) && ratio < 1.4f
                && !HeadingText.hasCjk(text)) {
            return false; // a sentence's tail; a heading starts in lowercase only with a name (a file, a command)
        }
        boolean sentence = (last == '.' || last == '。' || last == '!' || last == '?') && !NUMBER_ONLY.matcher(text).matches();
        if (larger) {
            return !sentence || ratio >= 1.4f;
        }
        if (sentence || b.lines() > 2 || words > 12) {
            return false;
        }
        if (bolder) {
            // bold at (about) body size: numbered, or a line standing apart from the text around
            // it; an unnumbered bold line inside the text is a run-in label (Note:, Definition 6)
            return numbered && HeadingText.titleLike(text) || ratio >= 1.05f || standsApart(i);
        }
        // body style: only a numbered, single, title-like line that stands apart
        return numbered && !HeadingText.letterNumbered(text) && b.lines() == 1 && words <= 10 && HeadingText.titleLike(text)
                && standsApart(i);
    }

    /** More space above and below than between the lines of a paragraph (or nothing above: a page or column top). */
    private boolean standsApart(int i) {
        if (layout == null) {
            return true;
        }
        BlockLayout l = layout.get(i);
        float step = lineStep * blocks.get(i).fontSize() / bodySize;
        boolean above = l.gapAbove() < 0 || l.gapAbove() >= step * 1.45f;
        boolean below = l.gapBelow() < 0 || l.gapBelow() >= step * 1.2f;
        return above && below;
    }

    /** In the top or bottom margin, where running headers and footers sit. */
    private boolean atEdge(int i) {
        if (layout == null) {
            return false;
        }
        BlockLayout l = layout.get(i);
        float y = blocks.get(i).y();
        return y < l.pageHeight() * EDGE || l.lastY() > l.pageHeight() * (1 - EDGE);
    }

    private static boolean tocEntry(Block b) {
        return HeadingText.tocEntry(b.text()) || HeadingText.endsInPageNumber(b.text());
    }

    /** Pages that look like a table of contents: many lines ending in page numbers or dot leaders. */
    private static Set<Integer> tocPages(List<PageLines> pages) {
        Set<Integer> toc = new HashSet<>();
        for (PageLines p : pages) {
            int entries = 0;
            int lines = 0;
            for (Line l : p.lines()) {
                if (l.text().length() > 2) {
                    lines++;
                    if (l.text().length() < 160 && (HeadingText.tocEntry(l.text()) || HeadingText.endsInPageNumber(l.text()))) {
                        entries++;
                    }
                }
            }
            if (entries >= 5 && entries * 5 >= lines * 2) {
                toc.add(p.page());
            }
        }
        return toc;
    }

    /**
     * Numbered lines at body size next to others numbered the same way, with no paragraph
     * between them (at most a line or two), are a numbered list, not sections.
     */
    private void dropListItems(boolean[] candidate) {
        boolean[] list = new boolean[blocks.size()];
        int[][] numbers = new int[blocks.size()][]; // each block's, worked out once
        for (int i = 0; i < blocks.size(); i++) {
            numbers[i] = HeadingText.numbers(blocks.get(i).text());
        }
        for (int i = 0; i < blocks.size(); i++) {
            int[] n = numbers[i];
            if (n == null || blocks.get(i).fontSize() >= bodySize * 1.12f) {
                continue;
            }
            for (int j = i + 1; j < blocks.size() && (j == i + 1 || j == i + 2 && blocks.get(i + 1).lines() <= 2); j++) {
                int[] m = numbers[j];
                if (m != null && m.length == n.length && m[m.length - 1] == n[n.length - 1] + 1
                        && Math.abs(blocks.get(j).fontSize() - blocks.get(i).fontSize()) < 0.6f) {
                    list[i] = true;
                    list[j] = true;
                }
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            candidate[i] &= !list[i];
        }
    }

    /** The same text as a heading many times over is a table header or a label. */
    private void dropRepeats(boolean[] candidate) {
        Map<String, Integer> repeats = new HashMap<>();
        String[] normals = new String[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            if (candidate[i]) {
                normals[i] = Spaces.normalWords(blocks.get(i).text());
                repeats.merge(normals[i], 1, Integer::sum);
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            candidate[i] &= !(candidate[i] && repeats.get(normals[i]) > MAX_REPEATS);
        }
    }

    /** {@code Chapter 3} set right above the chapter's title is part of that heading, not one of its own. */
    private void dropLabels(boolean[] candidate) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (candidate[i] && candidate[i + 1] && blocks.get(i + 1).page() == blocks.get(i).page()
                    && HeadingText.label(blocks.get(i).text())) {
                candidate[i] = false;
            }
        }
    }

    /**
     * Keeps the candidates that introduce text. Per style, the share of its candidates followed
     * by a paragraph, a list or another heading decides whether the style is a heading style;
     * within a heading style, a candidate followed by a short line of its own style (the next
     * cell or label) is still dropped.
     */
    private boolean[] introducingText(boolean[] candidate) {
        Follow[] follow = new Follow[blocks.size()];
        Map<Integer, int[]> styles = new HashMap<>();
        for (int i = blocks.size() - 1; i >= 0; i--) { // backwards: a heading is good when the lesser one after it is
            if (candidate[i]) {
                follow[i] = follow(i, candidate, follow);
                int[] c = styles.computeIfAbsent(style(blocks.get(i)), s -> new int[2]);
                c[0]++;
                if (follow[i] == Follow.TEXT || follow[i] == Follow.HEADING) {
                    c[1]++;
                }
            }
        }
        boolean[] heading = new boolean[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            if (!candidate[i]) {
                continue;
            }
            int[] c = styles.get(style(blocks.get(i)));
            double share = (double) c[1] / c[0];
            boolean good = follow[i] == Follow.TEXT || follow[i] == Follow.HEADING;
            heading[i] = share >= 0.5 && (good || share >= 0.8 && c[0] >= 4 && follow[i] != Follow.SAME);
        }
        return heading;
    }

    /**
     * What comes after candidate {@code i}: text when a paragraph or a list follows within a few
     * blocks (a bold run-in label may come first), or when a larger candidate is directly followed
     * by body text; a heading when a lesser heading that introduces text follows; the same style
     * again when a short block like it follows (the next cell or label).
     */
    private Follow follow(int i, boolean[] candidate, Follow[] known) {
        Block b = blocks.get(i);
        Block next = blocks.get(i + 1);
        if (next.page() != b.page() && (i == 0 || blocks.get(i - 1).page() != b.page())) {
            return Follow.TEXT; // alone on its page: a part or chapter title page introducing the pages after it
        }
        if (!closeBelow(i)) {
            return Follow.OTHER;
        }
        if (candidate[i + 1]) {
            if (style(next) == style(b) && next.page() == b.page() && !HeadingText.numbered(b.text())) {
                return Follow.SAME;
            }
            int depth = HeadingText.numberingDepth(b.text());
            int nextDepth = HeadingText.numberingDepth(next.text());
            boolean lesser = depth > 0 && nextDepth > 0 ? nextDepth > depth
                    : next.fontSize() < b.fontSize() - 0.4f || Math.abs(next.fontSize() - b.fontSize()) <= 0.4f && b.bold() && !next.bold();
            return lesser && (known[i + 1] == Follow.TEXT || known[i + 1] == Follow.HEADING) ? Follow.HEADING : Follow.OTHER;
        }
        if (b.fontSize() >= bodySize * 1.12f && bodyStyle(next) || tocPages.contains(b.page()) && next.page() == b.page()) {
            return Follow.TEXT; // body text right below a larger heading; the entries below a table of contents' title
        }
        for (int j = i + 1; j < blocks.size() && j <= i + 4 && !candidate[j]; j++) {
            Block n = blocks.get(j);
            float ratio = n.fontSize() / bodySize;
            if (ratio > 0.7f && ratio < 1.15f && HeadingText.prose(n.text()) || HeadingText.bullet(n.text())
                    || HeadingText.numbered(n.text()) && HeadingText.letterShare(n.text()) >= 0.6) {
                return Follow.TEXT;
            }
        }
        return style(next) == style(b) ? Follow.SAME : Follow.OTHER;
    }

    /**
     * The next block starts right below (not far down the page, not back up in another spot, as
     * labels of a map or a figure do), or on the next page.
     */
    private boolean closeBelow(int i) {
        if (layout == null || blocks.get(i + 1).page() != blocks.get(i).page()) {
            return true;
        }
        float gap = layout.get(i).gapBelow();
        return gap > 0 && gap <= blocks.get(i).fontSize() * 4 + lineStep * 2;
    }

    private boolean bodyStyle(Block b) {
        return Math.abs(b.fontSize() - bodySize) < 0.6f && b.bold() == bodyBold;
    }

    /** The block's size to the half point and its weight, as one number: equal for blocks of one style. */
    private static int style(Block b) {
        return Math.round(b.fontSize() * 2) * 2 + (b.bold() ? 1 : 0);
    }
}
