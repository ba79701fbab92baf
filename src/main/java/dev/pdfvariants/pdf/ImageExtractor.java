package dev.pdfvariants.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.output.OutputSink;

/**
 * Extracts the images of a document's pages (and of the forms they draw), each image object once,
 * named after the first page it appears on ({@code images/page-3-1.jpg}). JPEG and JPEG 2000 keep
 * their own encoding, byte for byte; everything else (Flate, LZW, CCITT fax, JBIG2, CMYK JPEG) is
 * decoded and written as PNG, with its soft mask as transparency. Images larger than the pixel cap
 * and images that cannot be decoded are listed with the reason instead of written.
 */
public final class ImageExtractor {
    /** Nested forms followed at most this deep. */
    private static final int MAX_FORM_DEPTH = 12;

    /** One image object and what became of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String file, String object, List<Integer> pages, int width, int height, String colorSpace,
            int bitsPerComponent, List<String> filters, String format, String note) {
    }

    private final long maxPixels;
    private final Cancellation cancellation;
    private final Map<COSBase, Found> found = new IdentityHashMap<>();
    private final List<Found> order = new ArrayList<>();

    private static final class Found {
        final PDImageXObject image;
        final List<Integer> pages = new ArrayList<>();
        final String baseName;

        Found(PDImageXObject image, String baseName) {
            this.image = image;
            this.baseName = baseName;
        }
    }

    private ImageExtractor(long maxPixels, Cancellation cancellation) {
        this.maxPixels = maxPixels;
        this.cancellation = cancellation;
    }

    /** Writes every image under {@code images/} in the sink and returns the list, in order of first appearance. */
    public static List<Entry> extract(PDDocument pdf, long maxPixels, OutputSink out, Cancellation cancellation)
            throws IOException {
        ImageExtractor extractor = new ImageExtractor(maxPixels, cancellation);
        int pageNumber = 0;
        for (PDPage page : pdf.getPages()) {
            pageNumber++;
            cancellation.checkpoint();
            int[] perPage = {0};
            extractor.collect(page.getResources(), pageNumber, perPage, 0,
                    Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        List<Entry> entries = new ArrayList<>();
        for (Found f : extractor.order) {
            cancellation.checkpoint();
            entries.add(extractor.write(f, out));
        }
        return entries;
    }

    private void collect(PDResources resources, int page, int[] perPage, int depth, Set<COSBase> forms) {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject;
            try {
                xobject = resources.getXObject(name);
            } catch (IOException | RuntimeException e) {
                continue; // a broken XObject: nothing to extract
            }
            if (xobject instanceof PDImageXObject image) {
                Found f = found.get(image.getCOSObject());
                if (f == null) {
                    f = new Found(image, "page-" + page + "-" + (++perPage[0]));
                    found.put(image.getCOSObject(), f);
                    order.add(f);
                }
                if (!f.pages.contains(page)) {
                    f.pages.add(page);
                }
            } else if (xobject instanceof PDFormXObject form && forms.add(form.getCOSObject())) {
                collect(form.getResources(), page, perPage, depth + 1, forms);
            }
        }
    }

    private Entry write(Found f, OutputSink out) {
        PDImageXObject image = f.image;
        List<COSName> filterNames = image.getStream().getFilters();
        List<String> filters = filterNames.stream().map(COSName::getName).toList();
        String colorSpace = colorSpaceName(image);
        COSName last = filterNames.isEmpty() ? null : filterNames.get(filterNames.size() - 1);
        String format;
        String note = null;
        String file = null;
        try {
            if (COSName.DCT_DECODE.equals(last) && components(image) != 4) {
                format = "jpeg";
                file = copyEncoded(image, out, f.baseName + ".jpg", COSName.DCT_DECODE);
            } else if (COSName.JPX_DECODE.equals(last)) {
                format = "jpeg2000";
                file = copyEncoded(image, out, f.baseName + (isJp2(image) ? ".jp2" : ".j2k"), COSName.JPX_DECODE);
            } else if ((long) image.getWidth() * image.getHeight() > maxPixels) {
                format = null;
                note = "not extracted: " + image.getWidth() + "x" + image.getHeight() + " pixels is over --max-pixels "
                        + maxPixels;
            } else {
                format = "png";
                if (COSName.DCT_DECODE.equals(last)) {
                    note = "CMYK JPEG converted to RGB";
                }
                BufferedImage decoded = image.getImage();
                file = f.baseName + ".png";
                String name = "images/" + file;
                out.write(name, stream -> Png.write(decoded, stream));
            }
        } catch (MissingImageReaderException e) {
            format = null;
            file = null;
            note = "not extracted: no decoder for " + String.join("+", filters) + " (" + PdfLoader.oneLine(e) + ")";
        } catch (IOException | RuntimeException e) {
            format = null;
            file = null;
            note = "not extracted: cannot decode: " + PdfLoader.oneLine(e);
        }
        return new Entry(file == null ? null : "images/" + file, objectId(image.getCOSObject()), List.copyOf(f.pages),
                image.getWidth(), image.getHeight(), colorSpace, image.getBitsPerComponent(), filters, format, note);
    }

    /** Copies the stream's data as stored, undoing only the filters applied on top of the image codec. */
    private static String copyEncoded(PDImageXObject image, OutputSink out, String file, COSName codec) throws IOException {
        List<String> stop = codec.equals(COSName.DCT_DECODE)
                ? List.of(COSName.DCT_DECODE.getName(), COSName.DCT_DECODE_ABBREVIATION.getName())
                : List.of(COSName.JPX_DECODE.getName());
        out.write("images/" + file, stream -> {
            try (InputStream in = image.getStream().createInputStream(stop)) {
                in.transferTo(stream);
            }
        });
        return file;
    }

    /** A JP2 file starts with its signature box; a bare codestream with FF 4F FF 51. */
    private static boolean isJp2(PDImageXObject image) throws IOException {
        try (InputStream in = image.getStream().createInputStream(List.of(COSName.JPX_DECODE.getName()))) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && head[4] == 'j' && head[5] == 'P';
        }
    }

    private static int components(PDImageXObject image) {
        try {
            PDColorSpace cs = image.getColorSpace();
            return cs == null ? 0 : cs.getNumberOfComponents();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String colorSpaceName(PDImageXObject image) {
        try {
            if (image.isStencil()) {
                return "stencil mask";
            }
            PDColorSpace cs = image.getColorSpace();
            return cs == null ? null : cs.getName();
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private static String objectId(COSStream stream) {
        COSObjectKey key = stream.getKey();
        return key == null ? null : key.getNumber() + " " + key.getGeneration() + " R";
    }
}
