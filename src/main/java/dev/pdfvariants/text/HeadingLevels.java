package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers heading levels. Headings are grouped by style (size, weight, centred or not) and, within
 * a style, by indentation when the same style is set at two or three repeated left edges (a
 * manual's sub-sections indented under its sections). Groups are ranked by prominence: larger,
 * then bold, then centred, then further left. A group's parent is the group of the more prominent
 * heading that most often comes last before its headings (a style seen once, like a cover line,
 * parents nothing); a group sits one level below its parent. Section numbering wins where there
 * is some: {@code 2.3} is one level below {@code 2}, whatever its font, shifted down when
 * unnumbered headings (parts, chapters) sit above the numbers.
 */
final class HeadingLevels {
    static final int MAX_LEVELS = 6;

    /** One detected heading, in document order, with what its level is inferred from. */
    record Heading(int index, float size, boolean bold, boolean centred, float x, float pageWidth, int depth) {
        String style() {
            return Math.round(size * 2) / 2f + (bold ? "/b" : "/r") + (centred ? "/c" : "");
        }
    }

    /** Headings of one style and indentation; numbered when most of them are, at their median depth. */
    private static final class Group {
        final float size;
        final boolean bold;
        final boolean centred;
        final int indent;
        final List<Heading> members;
        final boolean numbered;
        final int depth;

        Group(Heading first, int indent, List<Heading> members) {
            this.size = first.size();
            this.bold = first.bold();
            this.centred = first.centred();
            this.indent = indent;
            this.members = members;
            int[] depths = members.stream().mapToInt(Heading::depth).filter(d -> d > 0).sorted().toArray();
            this.numbered = depths.length * 2 >= members.size();
            this.depth = depths.length == 0 ? 0 : depths[depths.length / 2];
        }
    }

    /**
     * A style seen once (a cover line, a stray label) is nobody's parent, nor is deeper numbering
     * the parent of shallower numbering, however large its font.
     */
    private static boolean canParent(Group parent, Group child) {
        if (parent.numbered && child.numbered) {
            return parent.depth < child.depth;
        }
        return parent.members.size() >= 2 || parent.numbered;
    }

    private static final Comparator<Group> PROMINENCE = Comparator.comparing((Group g) -> -g.size)
            .thenComparing(g -> g.bold ? 0 : 1).thenComparing(g -> g.centred ? 0 : 1).thenComparingInt(g -> g.indent);

    private HeadingLevels() {
    }

    /** Block index to level (1 = top), for every heading. */
    static Map<Integer, Integer> of(List<Heading> headings) {
        Map<String, List<Heading>> byStyle = new LinkedHashMap<>();
        for (Heading h : headings) {
            byStyle.computeIfAbsent(h.style(), s -> new ArrayList<>()).add(h);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Heading> members : byStyle.values()) {
            groups.addAll(byIndent(members));
        }
        groups.sort(PROMINENCE);
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Heading h : groups.get(g).members) {
                groupOf.put(h.index(), g);
            }
        }
        int[] parent = parents(headings, groups, groupOf);
        int[] plain = levels(groups, parent, false, 0);
        int shift = shift(groups, plain);
        int[] level = levels(groups, parent, true, shift);
        Map<Integer, Integer> result = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Heading h : groups.get(g).members) {
                int own = groups.get(g).numbered && h.depth() > 0 ? h.depth() + shift : level[g];
                result.put(h.index(), Math.max(1, Math.min(MAX_LEVELS, own)));
            }
        }
        return result;
    }

    /** For every group, the group of the more prominent heading most often last before its headings, or -1. */
    private static int[] parents(List<Heading> headings, List<Group> groups, Map<Integer, Integer> groupOf) {
        int[] lastSeen = new int[groups.size()];
        Arrays.fill(lastSeen, -1);
        List<Map<Integer, Integer>> votes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            votes.add(new HashMap<>());
        }
        for (int i = 0; i < headings.size(); i++) {
            int g = groupOf.get(headings.get(i).index());
            int best = -1;
            for (int r = 0; r < g; r++) {
                if (canParent(groups.get(r), groups.get(g)) && lastSeen[r] >= 0 && (best < 0 || lastSeen[r] > lastSeen[best])) {
                    best = r;
                }
            }
            votes.get(g).merge(best, 1, Integer::sum);
            lastSeen[g] = i;
        }
        int[] parent = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            parent[g] = mode(votes.get(g));
        }
        return parent;
    }

    /** Levels in prominence order: one below the parent, or (with {@code numbering}) from a numbered group's depth. */
    private static int[] levels(List<Group> groups, int[] parent, boolean numbering, int shift) {
        int[] level = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            int l = numbering && groups.get(g).numbered ? groups.get(g).depth + shift
                    : parent[g] < 0 ? 1 : level[parent[g]] + 1;
            level[g] = Math.max(1, Math.min(MAX_LEVELS, l));
        }
        return level;
    }

    /**
     * How many levels the shallowest numbering sits below its depth: the level its most prominent
     * group (seen more than once, if any numbered group is) gets from prominence alone, less the
     * depth (never so little that it lands above level 1).
     */
    private static int shift(List<Group> groups, int[] plain) {
        boolean repeated = groups.stream().anyMatch(g -> g.numbered && g.members.size() >= 2);
        int chosen = -1;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (group.numbered && (group.members.size() >= 2 || !repeated)
                    && (chosen < 0 || group.depth < groups.get(chosen).depth)) {
                chosen = g;
            }
        }
        return chosen < 0 ? 0 : Math.max(plain[chosen] - groups.get(chosen).depth, 1 - groups.get(chosen).depth);
    }

    /** The most frequent key; the smallest among equals. */
    private static int mode(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /**
     * Splits one style's headings by left edge when they sit at a few distinct, repeated edges
     * close together (indented sub-levels), not when they are centred or spread over columns.
     */
    private static List<Group> byIndent(List<Heading> members) {
        Heading first = members.get(0);
        List<Heading> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingDouble(Heading::x));
        List<List<Heading>> edges = new ArrayList<>();
        for (Heading h : sorted) {
            List<Heading> last = edges.isEmpty() ? null : edges.get(edges.size() - 1);
            if (last != null && h.x() - last.get(last.size() - 1).x() <= 6) {
                last.add(h);
            } else {
                List<Heading> edge = new ArrayList<>();
                edge.add(h);
                edges.add(edge);
            }
        }
        int needed = Math.max(3, members.size() / 10);
        List<List<Heading>> repeated = edges.stream().filter(e -> e.size() >= needed).toList();
        float spread = repeated.isEmpty() ? 0
                : repeated.get(repeated.size() - 1).get(0).x() - repeated.get(0).get(0).x();
        int covered = repeated.stream().mapToInt(List::size).sum();
        if (repeated.size() < 2 || repeated.size() > 3 || spread > first.pageWidth() * 0.2f || covered * 10 < members.size() * 8) {
            return List.of(new Group(first, 0, members));
        }
        List<List<Heading>> split = new ArrayList<>();
        for (int i = 0; i < repeated.size(); i++) {
            split.add(new ArrayList<>());
        }
        for (Heading h : members) {
            int nearest = 0;
            for (int i = 1; i < repeated.size(); i++) {
                if (Math.abs(repeated.get(i).get(0).x() - h.x()) < Math.abs(repeated.get(nearest).get(0).x() - h.x())) {
                    nearest = i;
                }
            }
            split.get(nearest).add(h);
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            groups.add(new Group(first, i, split.get(i)));
        }
        return groups;
    }
}
