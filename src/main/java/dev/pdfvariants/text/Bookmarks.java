package dev.pdfvariants.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Reads a PDF's bookmarks (its document outline) as titles, levels and target pages. Hostile
 * outlines are bounded: a loop in the sibling or child links is walked once, nesting stops at
 * {@link #MAX_DEPTH} and the walk at {@link #MAX_ENTRIES} entries. A bookmark whose destination
 * cannot be resolved keeps its title, without a page.
 */
public final class Bookmarks {
    static final int MAX_DEPTH = 16;
    static final int MAX_ENTRIES = 10_000;

    private Bookmarks() {
    }

    public static List<OutlineEntry> read(PDDocument pdf) {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDDocumentOutline outline;
        try {
            outline = catalog.getDocumentOutline();
        } catch (RuntimeException e) {
            return List.of();
        }
        if (outline == null) {
            return List.of();
        }
        Map<COSDictionary, Integer> pageNumbers = new IdentityHashMap<>();
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            pageNumbers.put(page.getCOSObject(), ++n);
        }
        List<OutlineEntry> entries = new ArrayList<>();
        Set<COSDictionary> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            walk(outline.getFirstChild(), 1, catalog, pageNumbers, n, visited, entries);
        } catch (RuntimeException e) {
            // a malformed outline: keep what was read before the damage
        }
        return entries;
    }

    private static void walk(PDOutlineItem first, int level, PDDocumentCatalog catalog,
            Map<COSDictionary, Integer> pageNumbers, int pageCount, Set<COSDictionary> visited, List<OutlineEntry> out) {
        for (PDOutlineItem item = first; item != null && out.size() < MAX_ENTRIES; item = item.getNextSibling()) {
            if (!visited.add(item.getCOSObject())) {
                return; // a loop
            }
            String title = item.getTitle() == null ? "" : item.getTitle().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            if (!title.isEmpty()) {
                out.add(new OutlineEntry(title, level, page(item, catalog, pageNumbers, pageCount), -1));
            }
            if (level < MAX_DEPTH) {
                walk(item.getFirstChild(), level + 1, catalog, pageNumbers, pageCount, visited, out);
            }
        }
    }

    private static Integer page(PDOutlineItem item, PDDocumentCatalog catalog, Map<COSDictionary, Integer> pageNumbers,
            int pageCount) {
        try {
            PDDestination destination = item.getDestination();
            if (destination == null) {
                PDAction action = item.getAction();
                if (action instanceof PDActionGoTo goTo) {
                    destination = goTo.getDestination();
                }
            }
            if (destination instanceof PDNamedDestination named) {
                destination = catalog.findNamedDestinationPage(named);
            }
            if (destination instanceof PDPageDestination pageDestination) {
                PDPage page = pageDestination.getPage();
                if (page != null) {
                    return pageNumbers.get(page.getCOSObject());
                }
                int number = pageDestination.getPageNumber();
                return number >= 0 && number < pageCount ? number + 1 : null;
            }
        } catch (IOException | RuntimeException e) {
            // unresolvable destination
        }
        return null;
    }
}
