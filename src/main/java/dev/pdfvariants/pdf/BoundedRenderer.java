package dev.pdfvariants.pdf;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

import dev.pdfvariants.document.Cancellation;

/**
 * Renders pages to images with bounded memory, whatever the file claims:
 * <ul>
 * <li>the output image never exceeds {@code maxPixels} (a giant page is rendered at a lower
 * resolution instead);</li>
 * <li>embedded images are decoded subsampled to what the page needs ({@link PDFRenderer}'s
 * subsampling); a Flate/LZW image too large to decode whole (PDFBox would inflate it completely
 * into the heap first) is decoded as a stream, keeping only every n-th row and column
 * ({@link SubsampledImage}); an image that cannot be decoded that way is left out with a warning.</li>
 * </ul>
 * Rendering only reads the document. Not thread-safe: one renderer per document and thread.
 */
public final class BoundedRenderer {
    /** Decoded bytes above which an image is not handed to PDFBox's whole-stream decoder. */
    static final long IMAGE_DECODE_BUDGET = 32L << 20;
    /** The most pixels an image decoded by {@link SubsampledImage} may keep. */
    static final long SUBSAMPLED_PIXEL_BUDGET = 4_000_000L;

    private static final Set<COSName> SUBSAMPLED_BY_PDFBOX = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE);

    private final Renderer renderer;
    private final PDDocument pdf;
    private final long maxPixels;

    /** @param warnings receives one line per image left out (never document text) */
    public BoundedRenderer(PDDocument pdf, long maxPixels, Cancellation cancellation, Consumer<String> warnings) {
        this.pdf = pdf;
        this.maxPixels = maxPixels;
        this.renderer = new Renderer(pdf, cancellation, warnings);
        renderer.setSubsamplingAllowed(true);
    }

    /** The scale (pixels per point) for a page at {@code dpi}, lowered so that the image fits {@code maxPixels}. */
    public static float scaleFor(PDRectangle cropBox, float dpi, long maxPixels) {
        double w = Math.max(cropBox.getWidth(), 1e-3);
        double h = Math.max(cropBox.getHeight(), 1e-3);
        double scale = dpi / 72.0;
        if (pixels(w, h, scale) > maxPixels) {
            scale = Math.sqrt(maxPixels / (w * h));
            while (scale > 0 && pixels(w, h, scale) > maxPixels) {
                scale *= 0.999;
            }
        }
        return (float) scale;
    }

    private static double pixels(double w, double h, double scale) {
        return Math.max(Math.floor(w * scale), 1) * Math.max(Math.floor(h * scale), 1);
    }

    /** Renders one page (0-based) as RGB at {@code dpi}, or smaller when that would exceed the pixel cap. */
    public BufferedImage render(int pageIndex, float dpi) throws IOException {
        PDPage page = pdf.getPage(pageIndex);
        float scale = scaleFor(page.getCropBox(), dpi, maxPixels);
        return renderer.renderImage(pageIndex, scale, ImageType.RGB);
    }

    private static final class Renderer extends PDFRenderer {
        private final Cancellation cancellation;
        private final Consumer<String> warnings;
        private int pageNumber;

        Renderer(PDDocument document, Cancellation cancellation, Consumer<String> warnings) {
            super(document);
            this.cancellation = cancellation;
            this.warnings = warnings;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            pageNumber = document.getPages().indexOf(parameters.getPage()) + 1;
            return new GuardedPageDrawer(parameters, pageNumber, cancellation, warnings);
        }
    }

    /** Checks every image's decoded size before PDFBox decodes it. */
    private static final class GuardedPageDrawer extends PageDrawer {
        private final int pageNumber;
        private final Cancellation cancellation;
        private final Consumer<String> warnings;

        GuardedPageDrawer(PageDrawerParameters parameters, int pageNumber, Cancellation cancellation,
                Consumer<String> warnings) throws IOException {
            super(parameters);
            this.pageNumber = pageNumber;
            this.cancellation = cancellation;
            this.warnings = warnings;
        }

        @Override
        public void drawImage(PDImage image) throws IOException {
            cancellation.checkpoint();
            long decoded = decodedBytes(image);
            if (decoded <= IMAGE_DECODE_BUDGET || decodedBySubsamplingReader(image)) {
                super.drawImage(image);
                return;
            }
            String what = image.getWidth() + "x" + image.getHeight() + " image (" + (decoded >> 20) + " MiB decoded)";
            SubsampledImage small = image instanceof PDImageXObject x && !x.isStencil()
                    ? SubsampledImage.decode(x, factor(image), cancellation)
                    : null;
            if (small == null) {
                warnings.accept("page " + pageNumber + ": left out a " + what
                        + " too large to decode whole and not decodable in parts");
                return;
            }
            super.drawImage(small);
        }

        /** Subsampling enough to fit the budget, and no more detail than the image covers on the device. */
        private int factor(PDImage image) {
            double pixels = (double) image.getWidth() * image.getHeight();
            int budget = (int) Math.ceil(Math.sqrt(pixels / SUBSAMPLED_PIXEL_BUDGET));
            AffineTransform device = new AffineTransform(getGraphics().getTransform());
            device.concatenate(getGraphicsState().getCurrentTransformationMatrix().createAffineTransform());
            double deviceArea = Math.abs(device.getDeterminant());
            int byDevice = deviceArea > 0 ? (int) Math.floor(Math.sqrt(pixels / deviceArea)) : Integer.MAX_VALUE;
            int limit = Math.max(1, Math.min(image.getWidth(), image.getHeight()));
            return Math.min(Math.max(2, Math.max(budget, byDevice)), limit);
        }
    }

    /** Decoded size from the image dictionary (width, height, components, bits), without decoding. */
    static long decodedBytes(PDImage image) {
        int components;
        try {
            components = image.isStencil() || image.getColorSpace() == null ? 1 : image.getColorSpace().getNumberOfComponents();
        } catch (IOException | RuntimeException e) {
            components = 4;
        }
        int bits = Math.max(1, image.getBitsPerComponent());
        long rowBytes = ((long) Math.max(0, image.getWidth()) * components * bits + 7) / 8;
        return rowBytes * Math.max(0, image.getHeight());
    }

    /** JPEG and JPEG 2000 images are decoded by ImageIO with subsampling: never whole. */
    private static boolean decodedBySubsamplingReader(PDImage image) {
        if (!(image instanceof PDImageXObject x)) {
            return false;
        }
        List<COSName> filters = x.getStream().getFilters();
        return !filters.isEmpty() && SUBSAMPLED_BY_PDFBOX.contains(filters.get(filters.size() - 1));
    }
}
