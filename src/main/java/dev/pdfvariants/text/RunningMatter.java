package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.Comparator;
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
            PageLines page = pages.get(p);
            List<Line> edge = edges.get(p);
            float h = height(page);
            List<Line> kept = new ArrayList<>(page.lines().size());
            for (Line line : page.lines()) {
                // a line equal to an edge line has its y, in the edge zone: the others need no comparison
                boolean inZone = line.y() <= h * EDGE_ZONE || line.y() >= h * (1 - EDGE_ZONE);
                if (inZone && edge.contains(line) && (PAGE_NUMBER.matcher(line.text()).matches()
                        || (pages.size() >= 2 && pagesByKey.get(key(line.text())).size() >= threshold))) {
                    continue;
                }
                kept.add(line);
            }
            cleaned.add(new PageLines(page.page(), page.width(), page.height(), kept));
        }
        return cleaned;
    }

    private static float height(PageLines page) {
        return page.height() > 0 ? page.height() : 792;
    }

    /** Up to {@link #EDGE_LINES} lines from each edge, inside the edge zone. */
    private static List<Line> edgeLines(PageLines page) {
        List<Line> byY = new ArrayList<>(page.lines());
        byY.sort(Comparator.comparingDouble(Line::y));
        List<Line> edge = new ArrayList<>();
        float h = height(page);
        for (int i = 0; i < Math.min(EDGE_LINES, byY.size()); i++) {
            if (byY.get(i).y() <= h * EDGE_ZONE) {
                edge.add(byY.get(i));
            }
        }
        for (int i = byY.size() - 1; i >= Math.max(0, byY.size() - EDGE_LINES); i--) {
            Line l = byY.get(i);
            if (l.y() >= h * (1 - EDGE_ZONE) && !edge.contains(l)) {
                edge.add(l);
            }
        }
        return edge;
    }

    /** The text with digits masked and case and spacing normalised, so "Page 3" and "Page 4" match. */
    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
    }
}
