package dev.pdfvariants.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.pdf.ActiveContent;
import dev.pdfvariants.pdf.EncryptionFacts;

/**
 * Reads the facts of {@link InspectReport} from an open document, without changing it. Every
 * walk is bounded (outline loops, form recursion, huge page counts): inspect is the command
 * users run on files that misbehave.
 */
public final class Inspector {
    /** The text layer is looked for on at most this many pages. */
    static final int TEXT_PAGES_CHECKED = 50;
    private static final int MAX_OUTLINE_ITEMS = 100_000;
    private static final int MAX_FORM_DEPTH = 12;
    /** Found by the active-content scan, but metadata rather than active content. */
    private static final Set<String> METADATA_KINDS = Set.of("info-dictionary", "xmp-metadata");

    private final PDDocument pdf;
    private final Map<String, Integer> imageTypes = new TreeMap<>();
    private final Set<COSBase> seenImages = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> seenFonts = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> seenForms = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<InspectReport.Font> fonts = new ArrayList<>();

    private Inspector(PDDocument pdf) {
        this.pdf = pdf;
    }

    public static InspectReport inspect(Path file, long bytes, PDDocument pdf) throws IOException {
        return new Inspector(pdf).report(file, bytes);
    }

    private InspectReport report(Path file, long bytes) throws IOException {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDDocumentInformation info = pdf.getDocumentInformation();
        for (PDPage page : pdf.getPages()) {
            resources(page.getResources(), 0);
        }
        Map<String, Integer> active = new TreeMap<>(ActiveContent.scan(pdf, Cancellation.none()));
        active.keySet().removeAll(METADATA_KINDS);
        int embedded = (int) fonts.stream().filter(InspectReport.Font::embedded).count();
        int attachments = active.getOrDefault("embedded-files", 0) + active.getOrDefault("annotation:fileattachment", 0);
        return new InspectReport(String.valueOf(file.getFileName()), bytes, String.valueOf(pdf.getVersion()),
                Pages.count(pdf), blankToNull(info.getProducer()), blankToNull(info.getCreator()),
                blankToNull(info.getTitle()), catalog.getLanguage(), encryption(), outline(catalog),
                new InspectReport.Fonts(fonts.size(), embedded, fonts.size() - embedded, List.copyOf(fonts)),
                new InspectReport.Images(seenImages.size(), Map.copyOf(imageTypes)), textLayer(),
                active.containsKey("javascript"), attachments, Map.copyOf(active),
                catalog.getAcroForm() != null && !catalog.getAcroForm().getFields().isEmpty(),
                catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked());
    }

    private void resources(PDResources resources, int depth) {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            try {
                PDFont font = resources.getFont(name);
                if (font != null && seenFonts.add(font.getCOSObject())) {
                    fonts.add(new InspectReport.Font(font.getName(), font.getSubType(), font.isEmbedded()));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable font: nothing to list
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            try {
                PDXObject x = resources.getXObject(name);
                if (x instanceof PDImageXObject image && seenImages.add(image.getCOSObject())) {
                    imageTypes.merge(imageType(image), 1, Integer::sum);
                } else if (x instanceof PDFormXObject form && seenForms.add(form.getCOSObject())) {
                    resources(form.getResources(), depth + 1);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable XObject: nothing to count
            }
        }
    }

    private static String imageType(PDImageXObject image) {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.isEmpty()) {
            return "raw";
        }
        String last = filters.get(filters.size() - 1).getName();
        return switch (last) {
            case "DCTDecode", "DCT" -> "jpeg";
            case "JPXDecode" -> "jpeg2000";
            case "JBIG2Decode" -> "jbig2";
            case "CCITTFaxDecode", "CCF" -> "ccitt";
            case "FlateDecode", "Fl" -> "flate";
            case "LZWDecode", "LZW" -> "lzw";
            case "RunLengthDecode", "RL" -> "run-length";
            default -> last.toLowerCase(Locale.ROOT);
        };
    }

    private InspectReport.Encryption encryption() {
        if (!pdf.isEncrypted()) {
            return new InspectReport.Encryption(false, null, null, null, null, null);
        }
        PDEncryption enc = pdf.getEncryption();
        AccessPermission ap = pdf.getCurrentAccessPermission();
        return new InspectReport.Encryption(true, EncryptionFacts.algorithm(enc), EncryptionFacts.keyBits(enc),
                enc.getRevision(), ap.isOwnerPermission(), EncryptionFacts.permissions(ap));
    }

    /** Counts items and nesting depth iteratively, stopping at loops and after {@link #MAX_OUTLINE_ITEMS}. */
    private static InspectReport.Outline outline(PDDocumentCatalog catalog) {
        PDOutlineNode root = catalog.getDocumentOutline();
        if (root == null) {
            return new InspectReport.Outline(0, 0, false);
        }
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PDOutlineNode> level = List.of(root);
        int items = 0;
        int depth = 0;
        boolean truncated = false;
        while (!level.isEmpty() && !truncated) {
            List<PDOutlineNode> next = new ArrayList<>();
            for (PDOutlineNode node : level) {
                for (PDOutlineItem child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (!seen.add(child.getCOSObject()) || items >= MAX_OUTLINE_ITEMS) {
                        truncated |= items >= MAX_OUTLINE_ITEMS;
                        break;
                    }
                    items++;
                    next.add(child);
                }
            }
            if (!next.isEmpty()) {
                depth++;
            }
            level = next;
        }
        return new InspectReport.Outline(items, depth, truncated);
    }

    /** Text on any of the first pages, stopping at the first page that has some. */
    private InspectReport.TextLayer textLayer() {
        int count = Pages.count(pdf);
        int checked = 0;
        for (int p = 1; p <= Math.min(count, TEXT_PAGES_CHECKED); p++) {
            checked++;
            try {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                if (!stripper.getText(pdf).isBlank()) {
                    return new InspectReport.TextLayer(true, p, checked);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable page has no usable text
            }
        }
        return new InspectReport.TextLayer(false, null, checked);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
