package dev.pdfvariants.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Page facts that do not trust the file's own claims. */
public final class Pages {
    private Pages() {
    }

    /**
     * The number of pages actually reachable in the page tree. A hostile file can claim
     * {@code /Count 2147483647} for one page; sizing anything by that claim exhausts memory.
     */
    public static int count(PDDocument pdf) {
        int n = 0;
        for (PDPage ignored : pdf.getPages()) {
            n++;
        }
        return n;
    }
}
