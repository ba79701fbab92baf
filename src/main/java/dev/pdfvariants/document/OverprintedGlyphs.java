package dev.pdfvariants.document;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.text.TextPosition;

/**
 * Finds overprinted duplicate glyphs (the same character drawn again at about the same place, as
 * fake bold and shadowed text do) with exactly the rule of PDFBox's
 * {@code PDFTextStripper.setSuppressDuplicateOverlappingText(true)}, at a fraction of its cost:
 * PDFBox keeps a {@code TreeMap<Float, TreeSet<Float>>} per character, boxing every coordinate
 * and allocating tree nodes and sub-map views for every glyph, which took a third of the whole
 * extraction time in profiles. Here the kept glyphs of a page sit in a grid of {@value #CELL}-point
 * cells, so a glyph is checked against the few glyphs near it only: the chains of the cells
 * within 1,024 points of the origin on both axes (a page's) start in a plain array, the others'
 * in a hash table.
 * <p>
 * The rule: a glyph is dropped when a glyph with the same Unicode text was kept on this page at
 * x in {@code [x - t, x + t)} and y in {@code [y - t, y + t)}, where {@code t} is the glyph's width
 * divided by its text's length, divided by 3. Comparisons follow {@link Float#compare} (as the
 * boxed keys of PDFBox's trees do), and an inverted range throws as {@code TreeMap.subMap} does.
 * Glyphs the grid cannot hold (coordinates that are not finite or very large) can only match
 * ranges the grid cannot hold either (very wide tolerances too), which are checked by a plain
 * scan; a page whose grid cells grow crowded (hostile content) goes on with PDFBox's own trees,
 * so the cost is never worse than PDFBox's.
 * <p>
 * Not thread-safe: one per extractor.
 */
final class OverprintedGlyphs {
    /** Grid cell size in points: a few characters of body text. */
    static final float CELL = 8f;
    /** Chain steps in one look-up after which the page moves to trees. */
    static final int CROWDED = 64;
    /** Coordinates beyond this (in points) are not put in the grid. */
    private static final float GRID_LIMIT = 1 << 20;
    private static final int MAX_CELLS_PER_AXIS = 4;

    /** Unicode text to a small id (kept from page to page: only the positions are per page). */
    private final Map<String, Integer> ids = new HashMap<>();
    /**
     * The ids of one-char Latin-1 texts, plus one (0: none yet), ahead of {@link #ids}: most glyphs
     * are such, and a map look-up (hashing and comparing the glyph's new string) cost more than the
     * rest of the check.
     */
    private final int[] latinIds = new int[256];
    private float[] xs = new float[256];
    private float[] ys = new float[256];
    private int[] textIds = new int[256];
    /** Next point in the same grid cell, or -1. */
    private int[] nextInCell = new int[256];
    private int size;
    /**
     * Cells per axis whose chains start in {@link #nearHeads}: those from 0 to {@value #NEAR} times
     * {@value #CELL} points, where a page's glyphs lie but for odd placements.
     */
    static final int NEAR = 128;
    /**
     * The head of each near cell's chain, at {@code cx * NEAR + cy}, or -1: a look-up without
     * hashing. Made at the first glyph kept (64 KiB: a batch of a million documents without text
     * does not make them).
     */
    private int[] nearHeads;
    /** The near cells holding a chain on this page, emptied by the next. */
    private int[] nearUsed = new int[256];
    private int nearUsedCount;
    /** The other cells: open addressing, cell key to the head of its chain. */
    private long[] cellKeys = new long[1024];
    private int[] cellHeads = new int[1024];
    private int cells;
    /** Once the page is crowded: PDFBox's own structure. */
    private Map<String, TreeMap<Float, TreeSet<Float>>> trees;

    OverprintedGlyphs() {
        Arrays.fill(cellHeads, -1);
    }

    /** Forgets every glyph: PDFBox compares glyphs within one page only. */
    void startPage() {
        size = 0;
        for (int k = 0; k < nearUsedCount; k++) {
            nearHeads[nearUsed[k]] = -1;
        }
        nearUsedCount = 0;
        if (cells > 0) {
            Arrays.fill(cellHeads, -1);
            cells = 0;
        }
        trees = null;
    }

    /**
     * Whether PDFBox's stripper would drop {@code glyph} as a duplicate; a glyph that is kept is
     * remembered for the following ones.
     */
    boolean isDuplicate(TextPosition glyph) {
        String text = glyph.getUnicode();
        float x = glyph.getX();
        float y = glyph.getY();
        float tolerance = glyph.getWidth() / text.length() / 3.0f;
        if (trees != null) {
            return treeIsDuplicate(text, x, y, tolerance);
        }
        float xFrom = x - tolerance;
        float xTo = x + tolerance;
        float yFrom = y - tolerance;
        float yTo = y + tolerance;
        if (Float.compare(xFrom, xTo) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        int id = id(text);
        int found = size == 0 ? 0 : find(id, xFrom, xTo, yFrom, yTo);
        if (found > 0) {
            return true;
        }
        if (found < 0) { // crowded: the page goes on with trees
            toTrees();
            return treeIsDuplicate(text, x, y, tolerance);
        }
        add(id, x, y);
        return false;
    }

    /** The small id of a glyph's text, given on first sight. */
    private int id(String text) {
        char c;
        if (text.length() == 1 && (c = text.charAt(0)) < latinIds.length) {
            int known = latinIds[c];
            if (known != 0) {
                return known - 1;
            }
            int id = newId(text);
            latinIds[c] = id + 1;
            return id;
        }
        Integer known = ids.get(text);
        return known != null ? known : newId(text);
    }

    private int newId(String text) {
        int id = ids.size();
        ids.put(text, id);
        return id;
    }

    /**
     * 1 when a kept glyph lies in the range, 0 when none does, -1 when finding out would take more
     * than {@value #CROWDED} steps (the caller then moves to trees).
     */
    private int find(int id, float xFrom, float xTo, float yFrom, float yTo) {
        if (Float.compare(xFrom, xTo) == 0) {
            return 0; // an empty range: a glyph of no width (or NaN) matches nothing
        }
        int steps = 0;
        if (Float.compare(yFrom, yTo) > 0) {
            // PDFBox's y sub-set throws, but only once some glyph matched in x
            for (int i = 0; i < size; i++) {
                if (++steps > CROWDED) {
                    return -1;
                }
                if (textIds[i] == id && Float.compare(xs[i], xFrom) >= 0 && Float.compare(xs[i], xTo) < 0) {
                    throw new IllegalArgumentException("fromKey > toKey");
                }
            }
            return 0;
        }
        // a glyph outside the grid can only lie in a range that is not in the grid either: scanned below
        if (!gridable(xFrom) || !gridable(xTo) || !gridable(yFrom) || !gridable(yTo)
                || xTo - xFrom > CELL * (MAX_CELLS_PER_AXIS - 1) || yTo - yFrom > CELL * (MAX_CELLS_PER_AXIS - 1)) {
            for (int i = 0; i < size; i++) {
                if (matches(i, id, xFrom, xTo, yFrom, yTo)) {
                    return 1;
                }
                if (++steps > CROWDED) {
                    return -1;
                }
            }
            return 0;
        }
        for (int cx = cell(xFrom), cxEnd = cell(xTo); cx <= cxEnd; cx++) {
            for (int cy = cell(yFrom), cyEnd = cell(yTo); cy <= cyEnd; cy++) {
                for (int i = head(cx, cy); i >= 0; i = nextInCell[i]) {
                    if (matches(i, id, xFrom, xTo, yFrom, yTo)) {
                        return 1;
                    }
                    if (++steps > CROWDED) {
                        return -1;
                    }
                }
            }
        }
        return 0;
    }

    private boolean matches(int i, int id, float xFrom, float xTo, float yFrom, float yTo) {
        return textIds[i] == id && Float.compare(xs[i], xFrom) >= 0 && Float.compare(xs[i], xTo) < 0
                && Float.compare(ys[i], yFrom) >= 0 && Float.compare(ys[i], yTo) < 0;
    }

    private void add(int id, float x, float y) {
        if (size == xs.length) {
            int capacity = size * 2;
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
            textIds = Arrays.copyOf(textIds, capacity);
            nextInCell = Arrays.copyOf(nextInCell, capacity);
        }
        int i = size++;
        xs[i] = x;
        ys[i] = y;
        textIds[i] = id;
        nextInCell[i] = -1;
        if (gridable(x) && gridable(y)) {
            link(cell(x), cell(y), i);
        }
    }

    private static boolean gridable(float v) {
        return v > -GRID_LIMIT && v < GRID_LIMIT; // false for NaN and infinities too
    }

    private static int cell(float v) {
        return (int) Math.floor(v / CELL);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) | (cy & 0xffffffffL);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (cellKeys.length - 1);
    }

    /** Whether cell (cx, cy) is a near one: both in [0, NEAR), NEAR being a power of two. */
    private static boolean near(int cx, int cy) {
        return ((cx | cy) & -NEAR) == 0;
    }

    /** The first glyph of cell (cx, cy)'s chain, or -1. */
    private int head(int cx, int cy) {
        if (near(cx, cy)) {
            return nearHeads == null ? -1 : nearHeads[cx * NEAR + cy];
        }
        return cells == 0 ? -1 : head(key(cx, cy));
    }

    /** Puts glyph {@code point} at the head of cell (cx, cy)'s chain. */
    private void link(int cx, int cy, int point) {
        if (!near(cx, cy)) {
            link(key(cx, cy), point);
            return;
        }
        if (nearHeads == null) {
            nearHeads = new int[NEAR * NEAR];
            Arrays.fill(nearHeads, -1);
        }
        int c = cx * NEAR + cy;
        if (nearHeads[c] < 0) {
            if (nearUsedCount == nearUsed.length) {
                nearUsed = Arrays.copyOf(nearUsed, nearUsedCount * 2);
            }
            nearUsed[nearUsedCount++] = c;
        } else {
            nextInCell[point] = nearHeads[c];
        }
        nearHeads[c] = point;
    }

    private int head(long key) {
        for (int s = slot(key); ; s = (s + 1) & (cellKeys.length - 1)) {
            if (cellHeads[s] < 0) {
                return -1;
            }
            if (cellKeys[s] == key) {
                return cellHeads[s];
            }
        }
    }

    private void link(long key, int point) {
        if ((cells + 1) * 2 > cellKeys.length) {
            grow();
        }
        int s = slot(key);
        while (cellHeads[s] >= 0 && cellKeys[s] != key) {
            s = (s + 1) & (cellKeys.length - 1);
        }
        if (cellHeads[s] < 0) {
            cellKeys[s] = key;
            cells++;
        } else {
            nextInCell[point] = cellHeads[s];
        }
        cellHeads[s] = point;
    }

    private void grow() {
        long[] oldKeys = cellKeys;
        int[] oldHeads = cellHeads;
        cellKeys = new long[oldKeys.length * 2];
        cellHeads = new int[oldKeys.length * 2];
        Arrays.fill(cellHeads, -1);
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldHeads[s] >= 0) {
                int t = slot(oldKeys[s]);
                while (cellHeads[t] >= 0) {
                    t = (t + 1) & (cellKeys.length - 1);
                }
                cellKeys[t] = oldKeys[s];
                cellHeads[t] = oldHeads[s];
            }
        }
    }

    /** Moves the page's kept glyphs into PDFBox's structure, for the rest of the page. */
    private void toTrees() {
        String[] texts = new String[ids.size()];
        ids.forEach((text, id) -> texts[id] = text);
        trees = new HashMap<>();
        for (int i = 0; i < size; i++) {
            trees.computeIfAbsent(texts[textIds[i]], k -> new TreeMap<>()).computeIfAbsent(xs[i], k -> new TreeSet<>())
                    .add(ys[i]);
        }
    }

    /** Whether the page moved to trees (for tests). */
    boolean crowded() {
        return trees != null;
    }

    /** PDFBox 3.0's own rule, on its own structure. */
    private boolean treeIsDuplicate(String text, float x, float y, float tolerance) {
        TreeMap<Float, TreeSet<Float>> same = trees.computeIfAbsent(text, k -> new TreeMap<>());
        for (TreeSet<Float> column : same.subMap(x - tolerance, x + tolerance).values()) {
            if (!column.subSet(y - tolerance, y + tolerance).isEmpty()) {
                return true;
            }
        }
        same.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
        return false;
    }
}
