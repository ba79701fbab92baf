package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds headings among blocks without looking at bookmarks: short, stand-alone blocks set larger
 * or bolder than the body text, or starting with section numbering ({@code 1.}, {@code 2.3},
 * {@code IV.}, {@code A.}, {@code Chapter 3}). Levels come from numbering depth where there is
 * numbering, otherwise from the rank of the heading's style (size, then weight).
 */
final class HeadingDetector {
    static final Pattern NUMBERING = Pattern.compile(
            "^(?:(\\d{1,2}(?:\\.\\d{1,2}){0,4})\\.?|([IVXLC]{1,6})\\.|([A-Z])\\.|([A-Z](?:\\.\\d{1,2}){1,3})\\.?)\\s+(\\S.*)$");
    private static final Pattern NAMED = Pattern.compile(
            "(?iu)^(?:chapter|section|part|appendix|annex|capítulo|capitulo|sección|seccion|parte|apéndice|anexo|"
                    + "kapitel|abschnitt|teil|anhang|chapitre|partie|annexe|capítulo|secção|seção|apêndice)\\s+[\\dIVXLCA-Z]+\\b.*");
    private static final Pattern CAPTION = Pattern.compile(
            "(?iu)^(?:fig\\.|figure|figura|abbildung|abb\\.|table|tabla|tabelle|tableau|tabela|listing|source|fuente|quelle)\\s*\\d.*");
    private static final Pattern TOC_LINE = Pattern.compile(".*(?:\\.\\s?){4,}\\s*\\d+$|.*\\s{2,}\\d+$|.*\\s\\.{2,}\\s*\\d+$");
    private static final int MAX_LEVELS = 4;

    private final float bodySize;
    private final boolean bodyBold;

    HeadingDetector(float bodySize, boolean bodyBold) {
        this.bodySize = bodySize;
        this.bodyBold = bodyBold;
    }

    /** The blocks with headings marked and levelled; {@code title}, when not null, is never a heading. */
    List<Block> detect(List<Block> blocks, Block title) {
        Set<Integer> tocPages = tocPages(blocks);
        List<Block> candidates = new ArrayList<>();
        Map<String, Integer> repeats = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b != title && !tocPages.contains(b.page()) && isCandidate(b, i + 1 < blocks.size() ? blocks.get(i + 1) : null)) {
                candidates.add(b);
                repeats.merge(normal(b.text()), 1, Integer::sum);
            }
        }
        candidates.removeIf(b -> repeats.get(normal(b.text())) > 3); // table headers, repeated labels
        Map<String, Integer> styleLevels = styleLevels(candidates);
        int minDepth = candidates.stream().mapToInt(HeadingDetector::numberingDepth).filter(d -> d > 0).min().orElse(1);
        List<Block> result = new ArrayList<>(blocks);
        for (Block b : candidates) {
            int depth = numberingDepth(b);
            int level = depth > 0 ? Math.min(MAX_LEVELS, depth - minDepth + 1) : styleLevels.get(style(b));
            result.set(b.index(), b.asHeading(level));
        }
        return result;
    }

    private boolean isCandidate(Block b, Block next) {
        String text = b.text();
        if (b.lines() > 3 || text.length() > 160 || text.length() < 2) {
            return false;
        }
        int words = text.split("\\s+").length;
        if (words > 18 || letterShare(text) < 0.5 || CAPTION.matcher(text).matches() || TOC_LINE.matcher(text).matches()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (last == ',' || last == ';' || last == '-' || last == ':' || (!Character.isLetterOrDigit(firstLetter(text)) && !startsNumbered(text))) {
            return false;
        }
        if (Character.isLowerCase(firstLetter(text))) {
            return false;
        }
        float ratio = b.fontSize() / bodySize;
        if (ratio < 0.95f) {
            return false;
        }
        boolean period = last == '.' && !text.matches("^[\\dIVXLCA-Z.]+\\.$");
        boolean larger = ratio >= 1.12f;
        boolean bolder = b.bold() && !bodyBold;
        boolean numbered = startsNumbered(text) || NAMED.matcher(text).matches();
        if (next == null) {
            return false; // a heading introduces something
        }
        if (larger) {
            return !period || ratio >= 1.4f;
        }
        if (bolder && ratio >= 1.05f) {
            return !period && words <= 12 && b.lines() <= 2;
        }
        if (bolder) {
            // same size, bold: only with section numbering; unnumbered bold lines are mostly run-in
            // labels (Definition 6, Note:, table captions) rather than sections
            return !period && numbered && b.lines() <= 2 && titleLike(text);
        }
        // same size, same weight: only a numbered, single, title-like line followed by a paragraph
        return numbered && !period && b.lines() == 1 && words <= 10 && next.lines() >= 1 && !next.bold()
                && titleLike(text);
    }

    private static boolean titleLike(String text) {
        Matcher m = NUMBERING.matcher(text);
        String rest = m.matches() ? m.group(5) : text;
        return !rest.isEmpty() && !Character.isLowerCase(rest.codePointAt(0));
    }

    private static boolean startsNumbered(String text) {
        return NUMBERING.matcher(text).matches();
    }

    /** Depth of numbering like {@code 2.3.1} (3), {@code IV.} or {@code Chapter 2} (1); 0 without numbering. */
    static int numberingDepth(Block b) {
        Matcher m = NUMBERING.matcher(b.text());
        if (m.matches()) {
            if (m.group(1) != null) {
                return m.group(1).split("\\.").length;
            }
            if (m.group(4) != null) {
                return m.group(4).split("\\.").length;
            }
            return 1;
        }
        return NAMED.matcher(b.text()).matches() ? 1 : 0;
    }

    private static Map<String, Integer> styleLevels(List<Block> candidates) {
        TreeSet<String> styles = new TreeSet<>(Comparator.comparing((String s) -> -Float.parseFloat(s.split("/")[0]))
                .thenComparing(s -> s.endsWith("/b") ? 0 : 1));
        for (Block b : candidates) {
            styles.add(style(b));
        }
        Map<String, Integer> levels = new HashMap<>();
        int level = 1;
        for (String s : styles) {
            levels.put(s, Math.min(MAX_LEVELS, level++));
        }
        return levels;
    }

    private static String style(Block b) {
        return Math.round(b.fontSize() * 2) / 2f + (b.bold() ? "/b" : "/r");
    }

    /** Pages that look like a table of contents: several lines ending in page numbers. */
    private static Set<Integer> tocPages(List<Block> blocks) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (Block b : blocks) {
            int[] c = counts.computeIfAbsent(b.page(), p -> new int[2]);
            c[1]++;
            if (b.text().length() < 100 && (TOC_LINE.matcher(b.text()).matches() || b.text().matches("(?s).*\\D\\s\\d{1,3}$"))) {
                c[0]++;
            }
        }
        Set<Integer> pages = new HashSet<>();
        counts.forEach((page, c) -> {
            if (c[0] >= 5 && c[0] * 2 >= c[1]) {
                pages.add(page);
            }
        });
        return pages;
    }

    private static double letterShare(String text) {
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return visible == 0 ? 0 : (double) letters / visible;
    }

    private static int firstLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return ' ';
    }

    static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
