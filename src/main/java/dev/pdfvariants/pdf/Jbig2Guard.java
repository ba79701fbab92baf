package dev.pdfvariants.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * A size check in front of the JBIG2 decoder. PDFBox decodes JBIG2 streams (images, and hostile
 * files' content streams too) through ImageIO, and the decoder allocates the whole page bitmap
 * that the stream declares: 100,000 x 100,000 pixels is 1.2 GB, from a 40 KB stream. Once
 * {@link #install()}ed, JBIG2 pages larger than {@link #MAX_PIXELS} fail with an
 * {@link IIOException} (which PDFBox reports as an unreadable stream) before anything is allocated.
 */
public final class Jbig2Guard {
    /** About 19 MB as a 1-bit bitmap: an A4 page at 1,200 dpi is 140 million pixels. */
    public static final long MAX_PIXELS = 150_000_000L;

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private Jbig2Guard() {
    }

    /** Wraps every registered JBIG2 reader; idempotent. */
    public static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> jbig2 = new ArrayList<>();
        Iterator<ImageReaderSpi> readers = registry.getServiceProviders(ImageReaderSpi.class, true);
        while (readers.hasNext()) {
            ImageReaderSpi spi = readers.next();
            if (!(spi instanceof GuardedSpi) && Arrays.stream(spi.getFormatNames())
                    .anyMatch(n -> n.toUpperCase(Locale.ROOT).equals("JBIG2"))) {
                jbig2.add(spi);
            }
        }
        for (ImageReaderSpi original : jbig2) {
            registry.deregisterServiceProvider(original, ImageReaderSpi.class);
            registry.registerServiceProvider(new GuardedSpi(original), ImageReaderSpi.class);
        }
    }

    private static final class GuardedSpi extends ImageReaderSpi {
        private final ImageReaderSpi original;

        GuardedSpi(ImageReaderSpi original) {
            super(original.getVendorName(), original.getVersion(), original.getFormatNames(), original.getFileSuffixes(),
                    original.getMIMETypes(), GuardedReader.class.getName(), original.getInputTypes(), null, false, null,
                    null, null, null, false, null, null, null, null);
            this.original = original;
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            return original.canDecodeInput(source);
        }

        @Override
        public ImageReader createReaderInstance(Object extension) throws IOException {
            return new GuardedReader(this, original.createReaderInstance(extension));
        }

        @Override
        public String getDescription(Locale locale) {
            return original.getDescription(locale) + " (size-checked)";
        }
    }

    private static final class GuardedReader extends ImageReader {
        private final ImageReader delegate;

        GuardedReader(ImageReaderSpi spi, ImageReader delegate) {
            super(spi);
            this.delegate = delegate;
        }

        @Override
        public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
            super.setInput(input, seekForwardOnly, ignoreMetadata);
            delegate.setInput(input, seekForwardOnly, ignoreMetadata);
        }

        @Override
        public int getNumImages(boolean allowSearch) throws IOException {
            return delegate.getNumImages(allowSearch);
        }

        @Override
        public int getWidth(int imageIndex) throws IOException {
            return delegate.getWidth(imageIndex);
        }

        @Override
        public int getHeight(int imageIndex) throws IOException {
            return delegate.getHeight(imageIndex);
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
            return delegate.getImageTypes(imageIndex);
        }

        @Override
        public IIOMetadata getStreamMetadata() throws IOException {
            return delegate.getStreamMetadata();
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
            return delegate.getImageMetadata(imageIndex);
        }

        @Override
        public ImageReadParam getDefaultReadParam() {
            return delegate.getDefaultReadParam();
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
            long pixels = (long) delegate.getWidth(imageIndex) * delegate.getHeight(imageIndex);
            if (pixels > MAX_PIXELS) {
                throw new IIOException("JBIG2 image of " + delegate.getWidth(imageIndex) + "x"
                        + delegate.getHeight(imageIndex) + " pixels is over the decode limit of " + MAX_PIXELS);
            }
            return delegate.read(imageIndex, param);
        }

        @Override
        public void dispose() {
            delegate.dispose();
        }
    }
}
