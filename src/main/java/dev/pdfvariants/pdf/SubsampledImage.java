package dev.pdfvariants.pdf;

import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import dev.pdfvariants.document.Cancellation;

/**
 * An image decoded as a stream, keeping every n-th row and column, so that a huge Flate (or LZW,
 * run-length, ASCII) image costs the heap only what the subsampled copy needs. Masks are not
 * applied: good enough for a preview. Presented to PDFBox's page drawer as an ordinary RGB image.
 */
final class SubsampledImage implements PDImage {
    private static final Set<COSName> STREAMABLE = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
            COSName.RUN_LENGTH_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION,
            COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION);

    private final BufferedImage image;

    private SubsampledImage(BufferedImage image) {
        this.image = image;
    }

    /** Decodes every {@code factor}-th row and column of the image, or returns null when it cannot. */
    static SubsampledImage decode(PDImageXObject x, int factor, Cancellation cancellation) throws IOException {
        List<COSName> filters = x.getStream().getFilters();
        int bits = x.getBitsPerComponent();
        if (filters.size() > 1 || (filters.size() == 1 && !STREAMABLE.contains(filters.get(0)))
                || (bits != 8 && bits != 16) || x.getWidth() <= 0 || x.getHeight() <= 0) {
            return null;
        }
        PDColorSpace colorSpace = x.getColorSpace();
        int components = colorSpace.getNumberOfComponents();
        int outWidth = (x.getWidth() + factor - 1) / factor;
        int outHeight = (x.getHeight() + factor - 1) / factor;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, outWidth, outHeight, components, null);
        RowSampler sampler = new RowSampler(x.getWidth(), x.getHeight(), components, bits / 8, factor,
                ((DataBufferByte) raster.getDataBuffer()).getData(), cancellation);
        COSStream stream = x.getCOSObject();
        try (InputStream raw = stream.createRawInputStream()) {
            if (filters.isEmpty()) {
                raw.transferTo(sampler);
            } else {
                FilterFactory.INSTANCE.getFilter(filters.get(0)).decode(raw, sampler, stream, 0, DecodeOptions.DEFAULT);
            }
        } catch (RowSampler.Complete done) {
            // every row needed has been read
        }
        if (!(colorSpace instanceof PDIndexed)) {
            applyDecodeArray(x.getDecode(), ((DataBufferByte) raster.getDataBuffer()).getData(), components);
        }
        return new SubsampledImage(colorSpace.toRGBImage(raster));
    }

    /** Maps samples through a non-default /Decode array (e.g. inverted [1 0]). */
    private static void applyDecodeArray(COSArray decode, byte[] samples, int components) {
        if (decode == null || decode.size() < 2 * components) {
            return;
        }
        float[] d = decode.toFloatArray();
        int[][] maps = new int[components][256];
        boolean identity = true;
        for (int c = 0; c < components; c++) {
            for (int v = 0; v < 256; v++) {
                int mapped = Math.round(255 * (d[2 * c] + (d[2 * c + 1] - d[2 * c]) * v / 255f));
                maps[c][v] = Math.max(0, Math.min(255, mapped));
                identity &= maps[c][v] == v;
            }
        }
        if (identity) {
            return;
        }
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) maps[i % components][samples[i] & 0xFF];
        }
    }

    /** Receives decoded rows and keeps every n-th sample of every n-th row. */
    private static final class RowSampler extends OutputStream {
        private final int width;
        private final int height;
        private final int components;
        private final int bytesPerSample;
        private final int factor;
        private final byte[] out;
        private final Cancellation cancellation;
        private final byte[] row;
        private final int outWidth;
        private int filled;
        private int rowIndex;

        RowSampler(int width, int height, int components, int bytesPerSample, int factor, byte[] out,
                Cancellation cancellation) {
            this.width = width;
            this.height = height;
            this.components = components;
            this.bytesPerSample = bytesPerSample;
            this.factor = factor;
            this.out = out;
            this.cancellation = cancellation;
            this.row = new byte[Math.multiplyExact(Math.multiplyExact(width, components), bytesPerSample)];
            this.outWidth = (width + factor - 1) / factor;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, row.length - filled);
                System.arraycopy(b, off, row, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == row.length) {
                    rowDone();
                }
            }
        }

        private void rowDone() throws Complete {
            if (rowIndex % factor == 0) {
                int base = (rowIndex / factor) * outWidth * components;
                for (int x = 0, src = 0; x < outWidth; x++, src += factor) {
                    for (int c = 0; c < components && src < width; c++) {
                        out[base + x * components + c] = row[(src * components + c) * bytesPerSample];
                    }
                }
            }
            filled = 0;
            rowIndex++;
            if ((rowIndex & 0xFF) == 0) {
                cancellation.checkpoint();
            }
            if (rowIndex >= height) {
                throw new Complete();
            }
        }

        /** Thrown to stop the decoder once the last row arrived. */
        static final class Complete extends IOException {
            private static final long serialVersionUID = 1L;
        }
    }

    @Override
    public BufferedImage getImage() {
        return image;
    }

    @Override
    public BufferedImage getImage(Rectangle region, int subsampling) {
        return image;
    }

    @Override
    public WritableRaster getRawRaster() {
        return image.getRaster();
    }

    @Override
    public BufferedImage getRawImage() {
        return image;
    }

    @Override
    public BufferedImage getStencilImage(Paint paint) {
        throw new UnsupportedOperationException("not a stencil");
    }

    @Override
    public InputStream createInputStream() {
        throw new UnsupportedOperationException("already decoded");
    }

    @Override
    public InputStream createInputStream(List<String> stopFilters) {
        throw new UnsupportedOperationException("already decoded");
    }

    @Override
    public InputStream createInputStream(DecodeOptions options) {
        throw new UnsupportedOperationException("already decoded");
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public boolean isStencil() {
        return false;
    }

    @Override
    public void setStencil(boolean isStencil) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getBitsPerComponent() {
        return 8;
    }

    @Override
    public void setBitsPerComponent(int bitsPerComponent) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PDColorSpace getColorSpace() {
        return PDDeviceRGB.INSTANCE;
    }

    @Override
    public void setColorSpace(PDColorSpace colorSpace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getHeight() {
        return image.getHeight();
    }

    @Override
    public void setHeight(int height) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getWidth() {
        return image.getWidth();
    }

    @Override
    public void setWidth(int width) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setDecode(COSArray decode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public COSArray getDecode() {
        return null;
    }

    @Override
    public boolean getInterpolate() {
        return true;
    }

    @Override
    public void setInterpolate(boolean value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getSuffix() {
        return "png";
    }

    @Override
    public COSDictionary getCOSObject() {
        return new COSDictionary();
    }
}
