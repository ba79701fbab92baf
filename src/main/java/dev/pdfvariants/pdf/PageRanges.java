package dev.pdfvariants.pdf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Page ranges as users type them: {@code 1}, {@code 2-5}, {@code 7-} (to the end), {@code -3}
 * (from the start), {@code all}, separated by commas. Pages are numbered from 1. Parsing checks
 * the syntax only; {@link #resolve} clips the ranges to a document's real page count.
 *
 * @param spec   the text as given, normalised (no spaces), for manifests and cache keys
 * @param ranges the ranges in the order given; {@code last} is {@link Integer#MAX_VALUE} for open ends
 */
public record PageRanges(String spec, List<Range> ranges) {
    public PageRanges {
        ranges = List.copyOf(ranges);
    }

    /** A closed range of page numbers, first &lt;= last. */
    public record Range(int first, int last) {
        public Range {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("bad page range " + first + "-" + last);
            }
        }

        public int size() {
            return last - first + 1;
        }

        /** {@code 4} or {@code 2-5}. */
        public String label() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }

    /** Every page. */
    public static PageRanges all() {
        return parse("all");
    }

    /** Parses a range list, or throws {@link IllegalArgumentException} saying what is wrong and how to write it. */
    public static PageRanges parse(String text) {
        String spec = text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("empty page range; use e.g. 1, 2-5, 7- or all");
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            ranges.add(parseOne(part, text));
        }
        return new PageRanges(spec, ranges);
    }

    private static Range parseOne(String part, String text) {
        if (part.equals("all")) {
            return new Range(1, Integer.MAX_VALUE);
        }
        try {
            int dash = part.indexOf('-');
            if (dash < 0) {
                int page = page(part);
                return new Range(page, page);
            }
            int first = dash == 0 ? 1 : page(part.substring(0, dash));
            int last = dash == part.length() - 1 ? Integer.MAX_VALUE : page(part.substring(dash + 1));
            if (dash == 0 && dash == part.length() - 1) {
                throw new NumberFormatException();
            }
            if (last < first) {
                throw new IllegalArgumentException("page range '" + part + "' in '" + text
                        + "' ends before it starts; write it as " + last + "-" + first);
            }
            return new Range(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "' in '" + text
                    + "' is not a page range; use page numbers from 1, e.g. 1, 2-5, 7- or all");
        }
    }

    private static int page(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            throw new NumberFormatException(digits);
        }
        int page = Integer.parseInt(digits);
        if (page < 1) {
            throw new NumberFormatException(digits);
        }
        return page;
    }

    /**
     * The ranges clipped to a document of {@code pageCount} pages, in the order given; ranges that
     * lie wholly past the end are dropped.
     */
    public List<Range> resolve(int pageCount) {
        List<Range> resolved = new ArrayList<>();
        for (Range r : ranges) {
            if (r.first() <= pageCount) {
                resolved.add(new Range(r.first(), Math.min(r.last(), pageCount)));
            }
        }
        return resolved;
    }

    /** The distinct pages of the resolved ranges, in the order first given. */
    public List<Integer> pages(int pageCount) {
        Set<Integer> pages = new LinkedHashSet<>();
        for (Range r : resolve(pageCount)) {
            for (int p = r.first(); p <= r.last(); p++) {
                pages.add(p);
            }
        }
        return List.copyOf(pages);
    }

    /** The ranges that lie wholly past the end of a document of {@code pageCount} pages, for warnings. */
    public List<String> beyond(int pageCount) {
        return ranges.stream().filter(r -> r.first() > pageCount)
                .map(r -> r.last() == Integer.MAX_VALUE ? r.first() + "-" : r.label()).toList();
    }

    @Override
    public String toString() {
        return spec;
    }
}
