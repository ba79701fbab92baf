package dev.pdfvariants.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.document.Cancellation;

/**
 * Lossless size reduction of a document's streams: every stream that is uncompressed or
 * Flate-compressed (without a predictor) is decoded as a stream and re-encoded with Flate at the
 * highest level, and the new encoding is kept only when it is smaller. Flate data is inflated
 * strictly ({@link StrictInflate}): a stream that is damaged, truncated or fails its checksum is
 * kept byte for byte, never replaced by the part a lenient decoder could read. Other filters
 * (JPEG, JPEG 2000, JBIG2, CCITT, LZW …) are left as they are. Objects no longer
 * referenced are dropped, and object streams written, when the document is saved.
 */
public final class Compressor {
    /** Streams that inflate past this are left as they are (decompression bombs). */
    static final long MAX_DECODED = 256L << 20;

    private static final Set<COSName> FLATE = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION);
    private static final COSName DL = COSName.getPDFName("DL");
    /** XMP stays readable by tools that scan for it; cross-reference and object streams are rewritten on save anyway. */
    private static final Set<COSName> SKIPPED_TYPES = Set.of(COSName.METADATA, COSName.XREF, COSName.OBJ_STM);

    /** What {@link #recompress} did. */
    public record Result(int streams, int recompressed, long bytesBefore, long bytesAfter) {
    }

    private Compressor() {
    }

    /** Re-encodes the document's streams in place (call it on a private copy). */
    public static Result recompress(PDDocument pdf, Cancellation cancellation) throws IOException {
        List<COSStream> streams = new ArrayList<>();
        CosWalk.walk(pdf.getDocument().getTrailer(), d -> {
            if (d instanceof COSStream s) {
                streams.add(s);
            }
        }, cancellation);
        int recompressed = 0;
        long before = 0;
        long after = 0;
        for (COSStream stream : streams) {
            cancellation.checkpoint();
            long length = stream.getLength();
            byte[] smaller = recode(stream, length);
            before += length;
            if (smaller != null) {
                try (OutputStream raw = stream.createRawOutputStream()) {
                    raw.write(smaller);
                }
                stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                stream.removeItem(COSName.DECODE_PARMS);
                stream.removeItem(COSName.DP);
                stream.removeItem(DL);
                recompressed++;
                after += smaller.length;
            } else {
                after += length;
            }
        }
        return new Result(streams.size(), recompressed, before, after);
    }

    /** The stream's data re-encoded with Flate level 9 when that is smaller, else null. */
    private static byte[] recode(COSStream stream, long encodedLength) {
        List<COSName> filters = filters(stream);
        boolean flate = filters != null && filters.size() == 1 && FLATE.contains(filters.get(0));
        if (filters == null || !(filters.isEmpty() || flate) || hasPredictor(stream)
                || isSkippedType(stream.getCOSName(COSName.TYPE)) || encodedLength <= 0) {
            return null;
        }
        try (CappedDeflater deflated = new CappedDeflater(encodedLength);
                InputStream raw = stream.createRawInputStream()) {
            if (flate) {
                StrictInflate.inflate(raw, deflated);
            } else {
                raw.transferTo(deflated);
            }
            return deflated.finish();
        } catch (IOException | RuntimeException e) {
            return null; // no smaller, over a cap, or data that does not decode cleanly: keep it exactly as it was
        }
    }

    private static boolean hasPredictor(COSStream stream) {
        COSBase parms = stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        if (parms instanceof org.apache.pdfbox.cos.COSArray array && array.size() > 0) {
            parms = CosWalk.resolve(array.get(0));
        }
        return parms instanceof COSDictionary d && d.getInt(COSName.PREDICTOR, 1) > 1;
    }

    private static boolean isSkippedType(COSName type) {
        return type != null && SKIPPED_TYPES.contains(type);
    }

    private static List<COSName> filters(COSDictionary stream) {
        COSBase filter = stream.getDictionaryObject(COSName.FILTER);
        if (filter == null) {
            return List.of();
        }
        if (filter instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filter instanceof org.apache.pdfbox.cos.COSArray array) {
            for (COSBase b : array) {
                if (!(CosWalk.resolve(b) instanceof COSName name)) {
                    return null;
                }
                names.add(name);
            }
            return names;
        }
        return null;
    }

    /**
     * Deflates what it is given; gives up (throws) as soon as the output reaches the original
     * encoded size or the input passes {@link #MAX_DECODED}, so neither time nor memory is spent
     * on a result that would be thrown away.
     */
    private static final class CappedDeflater extends OutputStream {
        private final long limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DeflaterOutputStream deflater;
        private final Deflater engine = new Deflater(Deflater.BEST_COMPRESSION);
        private long decoded;

        CappedDeflater(long limit) {
            this.limit = limit;
            this.deflater = new DeflaterOutputStream(buffer, engine, 64 * 1024);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            decoded += len;
            if (decoded > MAX_DECODED) {
                throw new IOException("stream inflates past " + MAX_DECODED + " bytes");
            }
            deflater.write(b, off, len);
            if (buffer.size() >= limit) {
                throw new IOException("no smaller");
            }
        }

        byte[] finish() throws IOException {
            deflater.finish();
            return buffer.size() < limit ? buffer.toByteArray() : null;
        }

        @Override
        public void close() {
            engine.end();
        }
    }
}
