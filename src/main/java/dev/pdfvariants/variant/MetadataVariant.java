package dev.pdfvariants.variant;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.PageTexts;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.EncryptionFacts;

/**
 * {@code metadata.json}: the facts about a document that tools index on: page count and sizes,
 * the info dictionary, XMP presence, encryption and permissions, producer, text layer and word
 * count.
 */
final class MetadataVariant implements Variant {

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "pages, page sizes, info dictionary, XMP, encryption, producer, text layer, word count (JSON)";
    }

    @Override
    public List<String> outputs() {
        return List.of("metadata.json");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        out.writeJson("metadata.json", describe(document));
    }

    static Metadata describe(DocumentContext document) throws IOException {
        PDDocument pdf = document.pdf();
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PageTexts texts = document.pageTexts();
        PageTexts.Counts counts = texts.counts();
        Map<String, Object> info = info(pdf.getDocumentInformation());
        PDMetadata xmp = catalog.getMetadata();
        return new Metadata(
                new FileFacts(fileName(document.source().relativePath()), document.bytes(), document.sha256()),
                String.valueOf(pdf.getVersion()),
                Pages.count(pdf),
                pageSizes(pdf),
                asString(info.get("Title")),
                asString(info.get("Author")),
                asString(info.get("Producer")),
                asString(info.get("Creator")),
                catalog.getLanguage(),
                info,
                new Xmp(xmp != null, xmp != null ? xmp.getCOSObject().getLength() : 0),
                encryption(pdf),
                texts.hasTextLayer(),
                texts.pagesWithText(),
                counts.words(),
                counts.characters(),
                catalog.getDocumentOutline() != null && catalog.getDocumentOutline().getFirstChild() != null,
                catalog.getAcroForm() != null && !catalog.getAcroForm().getFields().isEmpty(),
                catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked());
    }

    private static String fileName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash >= 0 ? relativePath.substring(slash + 1) : relativePath;
    }

    private static Map<String, Object> info(PDDocumentInformation information) {
        Map<String, Object> info = new TreeMap<>();
        if (information == null) {
            return info;
        }
        for (String key : information.getMetadataKeys()) {
            COSBase value = information.getCOSObject().getDictionaryObject(COSName.getPDFName(key));
            if (value instanceof COSString s) {
                Calendar date = key.endsWith("Date") ? org.apache.pdfbox.util.DateConverter.toCalendar(s) : null;
                info.put(key, date != null ? Instant.ofEpochMilli(date.getTimeInMillis()).toString() : clean(s.getString()));
            } else if (value instanceof COSName n) {
                info.put(key, n.getName());
            } else if (value != null) {
                info.put(key, value.toString());
            }
        }
        return info;
    }

    private static String clean(String s) {
        return s.replace("\u0000", "").strip();
    }

    private static String asString(Object o) {
        return o instanceof String s && !s.isBlank() ? s : null;
    }

    /** Runs of consecutive pages with the same size, e.g. pages 1-10 Letter portrait. */
    private static List<PageSize> pageSizes(PDDocument pdf) {
        List<PageSize> sizes = new ArrayList<>();
        int index = 0;
        int runStart = 1;
        String runKey = null;
        PageSize runSize = null;
        for (PDPage page : pdf.getPages()) {
            index++;
            PDRectangle box = page.getMediaBox();
            int rotation = ((page.getRotation() % 360) + 360) % 360;
            boolean sideways = rotation == 90 || rotation == 270;
            float w = round(sideways ? box.getHeight() : box.getWidth());
            float h = round(sideways ? box.getWidth() : box.getHeight());
            String key = w + "x" + h;
            if (!key.equals(runKey)) {
                if (runSize != null) {
                    sizes.add(runSize.withPages(range(runStart, index - 1)));
                }
                runKey = key;
                runStart = index;
                runSize = new PageSize(null, w, h, paperName(w, h), w > h ? "landscape" : "portrait");
            }
        }
        if (runSize != null) {
            sizes.add(runSize.withPages(range(runStart, index)));
        }
        return sizes;
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    private static float round(float v) {
        return Math.round(v * 10) / 10f;
    }

    private static String paperName(float w, float h) {
        float shortSide = Math.min(w, h);
        float longSide = Math.max(w, h);
        String[][] papers = {{"A4", "595.3", "841.9"}, {"Letter", "612", "792"}, {"Legal", "612", "1008"},
                {"A3", "841.9", "1190.6"}, {"A5", "419.5", "595.3"}, {"Tabloid", "792", "1224"}};
        for (String[] p : papers) {
            if (Math.abs(shortSide - Float.parseFloat(p[1])) < 3 && Math.abs(longSide - Float.parseFloat(p[2])) < 3) {
                return p[0];
            }
        }
        return null;
    }

    private static Encryption encryption(PDDocument pdf) {
        if (!pdf.isEncrypted()) {
            return new Encryption(false, null, null, null, null, null);
        }
        PDEncryption enc = pdf.getEncryption();
        String algorithm = EncryptionFacts.algorithm(enc);
        Map<String, Boolean> permissions = EncryptionFacts.permissions(pdf.getCurrentAccessPermission());
        return new Encryption(true, enc.getFilter(), algorithm, EncryptionFacts.keyBits(enc), enc.getRevision(),
                permissions);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metadata(FileFacts file, String pdfVersion, int pages, List<PageSize> pageSizes, String title,
            String author, String producer, String creator, String language, Map<String, Object> info, Xmp xmp,
            Encryption encryption, boolean hasTextLayer, int pagesWithText, long wordCount, long characterCount,
            boolean hasOutline, boolean hasForm, boolean tagged) {
    }

    record FileFacts(String name, long bytes, String sha256) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageSize(String pages, float widthPt, float heightPt, String paper, String orientation) {
        PageSize withPages(String range) {
            return new PageSize(range, widthPt, heightPt, paper, orientation);
        }
    }

    record Xmp(boolean present, long bytes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Encryption(boolean encrypted, String filter, String algorithm, Integer keyBits, Integer revision,
            Map<String, Boolean> permissions) {
    }

}
