package dev.pdfvariants.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.document.Cancellation;

/**
 * Finds, and on request removes, what makes a PDF do things or carry things besides its pages:
 * JavaScript, actions (open, page, annotation, form-field, outline; launch, URI, submit …; only
 * plain go-to-page actions stay), additional-actions dictionaries, embedded files and file
 * attachment or multimedia annotations, XFA forms, XMP metadata and the info dictionary.
 * <p>
 * The whole object graph reachable from the trailer is walked ({@link CosWalk}), so nothing
 * hides in an unusual place (a field's kid, an outline item, a chained {@code /Next} action).
 */
public final class ActiveContent {
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName NEEDS_RENDERING = COSName.getPDFName("NeedsRendering");
    private static final COSName GOTO = COSName.getPDFName("GoTo");
    private static final List<COSName> ACTION_KEYS = List.of(COSName.A, COSName.OPEN_ACTION, COSName.NEXT);
    private static final Set<String> ACTIVE_ANNOTATIONS = Set.of("FileAttachment", "RichMedia", "Movie", "Sound",
            "Screen", "3D");

    private final boolean remove;
    private final Map<String, Integer> found = new TreeMap<>();

    private ActiveContent(boolean remove) {
        this.remove = remove;
    }

    /** What the document contains, by kind (e.g. {@code javascript}, {@code action:launch}, {@code embedded-files}). */
    public static Map<String, Integer> scan(PDDocument pdf, Cancellation cancellation) throws IOException {
        return new ActiveContent(false).run(pdf, cancellation);
    }

    /** Removes it all from the document and returns what was removed, by kind. */
    public static Map<String, Integer> remove(PDDocument pdf, Cancellation cancellation) throws IOException {
        return new ActiveContent(true).run(pdf, cancellation);
    }

    private Map<String, Integer> run(PDDocument pdf, Cancellation cancellation) throws IOException {
        COSDictionary trailer = pdf.getDocument().getTrailer();
        COSBase info = CosWalk.resolve(trailer.getItem(COSName.INFO));
        if (info instanceof COSDictionary d && d.size() > 0) {
            count("info-dictionary", 1);
            if (remove) {
                trailer.removeItem(COSName.INFO);
            }
        }
        CosWalk.walk(trailer, this::visit, cancellation);
        return Map.copyOf(found);
    }

    private void visit(COSDictionary d) {
        if (d.containsKey(COSName.AA)) {
            if (d.getDictionaryObject(COSName.AA) instanceof COSDictionary aa) {
                for (COSBase action : aa.getValues()) {
                    countAction(CosWalk.resolve(action));
                }
            }
            count("additional-actions", 1);
            drop(d, COSName.AA);
        }
        for (COSName key : ACTION_KEYS) {
            COSBase value = d.getDictionaryObject(key);
            if (value instanceof COSDictionary action && isAction(action) && !isGoTo(action)) {
                countAction(action);
                drop(d, key);
            } else if (value instanceof COSArray chain && key.equals(COSName.NEXT)) {
                filterChain(chain);
            }
        }
        if (d.containsKey(JS)) {
            count("javascript", 1);
            drop(d, JS);
        }
        if (d.getDictionaryObject(JAVASCRIPT) instanceof COSDictionary tree) {
            count("javascript", Math.max(1, nameTreeEntries(tree)));
            drop(d, JAVASCRIPT);
        }
        if (d.getDictionaryObject(EMBEDDED_FILES) instanceof COSDictionary tree) {
            count("embedded-files", Math.max(1, nameTreeEntries(tree)));
            drop(d, EMBEDDED_FILES);
        }
        if (d.containsKey(COSName.EF)) {
            count("embedded-file-streams", 1);
            drop(d, COSName.EF);
        }
        if (d.containsKey(XFA)) {
            count("xfa", 1);
            drop(d, XFA);
            drop(d, NEEDS_RENDERING);
        }
        if (d.getDictionaryObject(COSName.METADATA) instanceof COSStream) {
            count("xmp-metadata", 1);
            drop(d, COSName.METADATA);
        }
        if (d.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
            filterAnnotations(annots);
        }
    }

    private void filterAnnotations(COSArray annots) {
        for (int i = annots.size() - 1; i >= 0; i--) {
            if (CosWalk.resolve(annots.get(i)) instanceof COSDictionary annotation) {
                String subtype = annotation.getNameAsString(COSName.SUBTYPE);
                if (subtype != null && ACTIVE_ANNOTATIONS.contains(subtype)) {
                    count("annotation:" + subtype.toLowerCase(Locale.ROOT), 1);
                    if (remove) {
                        annots.remove(i);
                    }
                }
            }
        }
    }

    /** A {@code /Next} array: keeps the go-to actions, drops the others. */
    private void filterChain(COSArray chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (CosWalk.resolve(chain.get(i)) instanceof COSDictionary action && isAction(action) && !isGoTo(action)) {
                countAction(action);
                if (remove) {
                    chain.remove(i);
                }
            }
        }
    }

    private void countAction(COSBase base) {
        if (base instanceof COSDictionary action && isAction(action)) {
            String type = action.getNameAsString(COSName.S);
            count(type.equals("JavaScript") ? "javascript" : "action:" + type.toLowerCase(Locale.ROOT), 1);
        }
    }

    private static boolean isAction(COSDictionary d) {
        return d.getDictionaryObject(COSName.S) instanceof COSName;
    }

    private static boolean isGoTo(COSDictionary action) {
        return GOTO.equals(action.getCOSName(COSName.S));
    }

    /** Entries in a name tree, counted iteratively with a bound (trees can loop). */
    private static int nameTreeEntries(COSDictionary root) {
        List<COSDictionary> pending = new ArrayList<>(List.of(root));
        int entries = 0;
        for (int seen = 0; !pending.isEmpty() && seen < 10_000; seen++) {
            COSDictionary node = pending.remove(pending.size() - 1);
            if (node.getDictionaryObject(COSName.NAMES) instanceof COSArray names) {
                entries += names.size() / 2;
            }
            if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
                for (COSBase kid : kids) {
                    if (CosWalk.resolve(kid) instanceof COSDictionary k) {
                        pending.add(k);
                    }
                }
            }
        }
        return entries;
    }

    private void drop(COSDictionary d, COSName key) {
        if (remove) {
            d.removeItem(key);
        }
    }

    private void count(String kind, int n) {
        found.merge(kind, n, Integer::sum);
    }
}
