package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes running headers, footers and page numbers: lines near the top or bottom edge of a page
 * that repeat (digits aside) on several pages, and edge lines that are only a page number
 * ({@code 12}, {@code - 12 -}, {@code Page 3 of 9}, {@code xii}).
 */
final class RunningMatter {
    /** How many lines at each edge of a page are considered. */
    private static final int EDGE_LINES = 3;
    /** Lines this close to the top or bottom (as a share of the page height) are edge lines. */
    private static final float EDGE_ZONE = 0.14f;

    static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)^(?:(?:page|p\\.|pag\\.|pág\\.?|página|pagina|seite|s\\.|stránka|стр\\.?)\\s*)?[-–—(\\[]?\\s*"
                    + "(?:\\d{1,4}|[ivxlcdm]{1,7})\\s*[-–—)\\]]?(?:\\s*(?:/|of|de|von|sur|из)\\s*\\d{1,4})?$");

    private RunningMatter() {
    }

    /** The pages without their running headers, footers and page numbers. */
    static List<PageLines> remove(List<PageLines> pages) {
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        List<List<Line>> edges = new ArrayList<>(pages.size());
        for (PageLines page : pages) {
            List<Line> edge = edgeLines(page);
            edges.add(edge);
            for (Line line : edge) {
                pagesByKey.computeIfAbsent(key(line.text()), k -> new HashSet<>()).add(page.page());
            }
        }
        int threshold = Math.max(2, Math.min(4, (int) Math.ceil(pages.size() * 0.3)));
        List<PageLines> cleaned = new ArrayList<>(pages.size());
        for (int p = 0; p < pages.size(); p++) {
            cleaned.add(withoutRunningMatter(pages.get(p), edges.get(p), pagesByKey, pages.size() >= 2 ? threshold : Integer.MAX_VALUE));
        }
        return cleaned;
    }

    /**
     * The page without those of its edge lines that are a page number or repeat on
     * {@code threshold} pages or more. (A method per page: a small unit the JIT compiles once,
     * rather than the whole document's loop compiled on stack and again in full.)
     */
    private static PageLines withoutRunningMatter(PageLines page, List<Line> edge, Map<String, Set<Integer>> pagesByKey,
            int threshold) {
        float h = height(page);
        List<Line> kept = new ArrayList<>(page.lines().size());
        for (Line line : page.lines()) {
            // a line equal to an edge line has its y, in the edge zone: the others need no comparison
            boolean inZone = line.y() <= h * EDGE_ZONE || line.y() >= h * (1 - EDGE_ZONE);
            if (inZone && edge.contains(line) && (PAGE_NUMBER.matcher(line.text()).matches()
                    || pagesByKey.get(key(line.text())).size() >= threshold)) {
                continue;
            }
            kept.add(line);
        }
        return new PageLines(page.page(), page.width(), page.height(), kept);
    }

    private static float height(PageLines page) {
        return page.height() > 0 ? page.height() : 792;
    }

    /** Up to {@link #EDGE_LINES} lines from each edge, inside the edge zone. */
    static List<Line> edgeLines(PageLines page) {
        List<Line> lines = page.lines();
        // the first and the last EDGE_LINES lines in order of y, ties in reading order (as a stable
        // sort by y lists them), each best first, picked without sorting the page
        float[] ys = new float[lines.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = lines.get(i).y();
        }
        int[] top = new int[Math.min(EDGE_LINES, ys.length)];
        int[] bottom = new int[top.length];
        for (int i = 0; i < ys.length; i++) {
            int count = Math.min(i, top.length);
            insert(top, count, i, ys, true);
            insert(bottom, count, i, ys, false);
        }
        List<Line> edge = new ArrayList<>();
        float h = height(page);
        for (int i : top) {
            if (ys[i] <= h * EDGE_ZONE) {
                edge.add(lines.get(i));
            }
        }
        for (int i : bottom) {
            Line l = lines.get(i);
            if (ys[i] >= h * (1 - EDGE_ZONE) && !edge.contains(l)) {
                edge.add(l);
            }
        }
        return edge;
    }

    /** Puts line {@code i} among the {@code count} best so far, if it ranks there. */
    private static void insert(int[] best, int count, int i, float[] ys, boolean top) {
        int at;
        if (count < best.length) {
            at = count;
        } else if (before(i, best[best.length - 1], ys, top)) {
            at = best.length - 1;
        } else {
            return;
        }
        while (at > 0 && before(i, best[at - 1], ys, top)) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = i;
    }

    /**
     * Whether line {@code i}, which comes after line {@code j} in reading order, ranks before it:
     * higher up for the top (above it), lower down or level for the bottom (a stable sort puts it after).
     */
    private static boolean before(int i, int j, float[] ys, boolean top) {
        int c = Double.compare(ys[i], ys[j]);
        return top ? c < 0 : c >= 0;
    }

    /** The text with digits masked and case and spacing normalised, so "Page 3" and "Page 4" match. */
    static String key(String text) {
        // toLowerCase(ROOT), then replaceAll("\\d+", "#") and replaceAll("\\s+", " "), then strip()
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            char c = lower.charAt(i);
            if (c >= '0' && c <= '9' || Spaces.isRegexSpace(c)) {
                boolean digits = c <= '9' && c >= '0';
                key.append(digits ? '#' : ' ');
                while (i < lower.length() && (digits ? lower.charAt(i) >= '0' && lower.charAt(i) <= '9' : Spaces.isRegexSpace(lower.charAt(i)))) {
                    i++;
                }
            } else {
                key.append(c);
                i++;
            }
        }
        return key.toString().strip();
    }

}
