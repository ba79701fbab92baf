package dev.pdfvariants.pdf;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import dev.pdfvariants.config.DocumentSettings.Split;

/**
 * Which parts {@code split} writes: one per page ({@code pages/page-N.pdf}), one per range
 * ({@code pages/pages-A-B.pdf}), or one per top-level bookmark ({@code pages/NN-title.pdf}, from the
 * bookmark's page to the page before the next one; pages before the first bookmark form a part of
 * their own).
 */
public final class SplitPlan {
    /** Top-level bookmarks read at most (outlines can loop). */
    private static final int MAX_BOOKMARKS = 10_000;

    /** One output file: pages {@code first} to {@code last}, 1-based and inclusive. */
    public record Part(String name, int first, int last) {
        public int pages() {
            return last - first + 1;
        }
    }

    private SplitPlan() {
    }

    public static List<Part> plan(PDDocument pdf, Split split, int pageCount, Consumer<String> warnings) {
        return switch (split.mode()) {
            case PAGES -> byPage(pageCount);
            case RANGES -> byRange(split.ranges(), pageCount, warnings);
            case BOOKMARKS -> byBookmark(pdf, pageCount, warnings);
        };
    }

    private static List<Part> byPage(int pageCount) {
        List<Part> parts = new ArrayList<>(pageCount);
        for (int p = 1; p <= pageCount; p++) {
            parts.add(new Part("page-" + p + ".pdf", p, p));
        }
        return parts;
    }

    private static List<Part> byRange(PageRanges ranges, int pageCount, Consumer<String> warnings) {
        List<String> beyond = ranges.beyond(pageCount);
        if (!beyond.isEmpty()) {
            warnings.accept("split: ranges " + String.join(",", beyond) + " lie past the last page (" + pageCount + ")");
        }
        Map<String, Part> parts = new java.util.LinkedHashMap<>();
        for (PageRanges.Range r : ranges.resolve(pageCount)) {
            String name = r.first() == r.last() ? "page-" + r.first() + ".pdf" : "pages-" + r.first() + "-" + r.last() + ".pdf";
            parts.putIfAbsent(name, new Part(name, r.first(), r.last()));
        }
        return List.copyOf(parts.values());
    }

    private static List<Part> byBookmark(PDDocument pdf, int pageCount, Consumer<String> warnings) {
        TreeMap<Integer, String> starts = new TreeMap<>();
        int unresolved = 0;
        PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
        Set<PDOutlineItem> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> seenDicts = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDOutlineItem item = outline != null ? outline.getFirstChild() : null;
                item != null && seen.size() < MAX_BOOKMARKS && seenDicts.add(item.getCOSObject()) && seen.add(item);
                item = item.getNextSibling()) {
            int page = pageOf(pdf, item);
            if (page < 1 || page > pageCount) {
                unresolved++;
            } else {
                starts.putIfAbsent(page, item.getTitle());
            }
        }
        if (unresolved > 0) {
            warnings.accept("split: " + unresolved + " top-level bookmarks point to no page of the document; ignored");
        }
        List<Part> parts = new ArrayList<>();
        if (starts.isEmpty()) {
            warnings.accept("split: no top-level bookmark points to a page; wrote the whole document as one part");
            parts.add(new Part("01-document.pdf", 1, pageCount));
            return parts;
        }
        List<Integer> pages = new ArrayList<>(starts.keySet());
        if (pages.get(0) > 1) {
            pages.add(0, 1);
            starts.put(1, "front matter");
        }
        int width = Math.max(2, String.valueOf(pages.size()).length());
        for (int i = 0; i < pages.size(); i++) {
            int first = pages.get(i);
            int last = i + 1 < pages.size() ? pages.get(i + 1) - 1 : pageCount;
            String number = String.format(Locale.ROOT, "%0" + width + "d", i + 1);
            parts.add(new Part(number + "-" + slug(starts.get(first)) + ".pdf", first, last));
        }
        return parts;
    }

    private static int pageOf(PDDocument pdf, PDOutlineItem item) {
        try {
            PDPage page = item.findDestinationPage(pdf);
            return page == null ? -1 : pdf.getPages().indexOf(page) + 1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A file-name-safe form of a title: ASCII letters and digits, dashes between words, at most 60 characters. */
    static String slug(String title) {
        if (title == null) {
            return "part";
        }
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "part" : slug;
    }
}
