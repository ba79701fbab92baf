package dev.pdfvariants.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.ResilienceSettings.Limits;
import dev.pdfvariants.config.Sizes;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.pdf.CosWalk;

/**
 * The per-document limits of {@code --max-file-size}, {@code --max-pages} and
 * {@code --max-stream-size}: a document over one fails as {@code limit-exceeded} with a message
 * naming the limit and the value found, before any variant runs. The file size is checked before
 * the file is read at all; pages and streams once it is open. (Rendered and decoded images are
 * bounded by {@code --max-pixels}, where they are drawn.)
 * <p>
 * The stream check walks every object reachable from the document's trailer once and inflates
 * each Flate-compressed stream into nothing, counting: memory stays flat whatever a bomb
 * declares, and it stops at the first byte over the limit.
 */
public final class ResourceLimits {
    private final Limits limits;

    public ResourceLimits(Limits limits) {
        this.limits = limits;
    }

    public static ResourceLimits none() {
        return new ResourceLimits(Limits.NONE);
    }

    /** Fails a file larger than {@code --max-file-size}. */
    public void checkFile(long bytes) throws DocumentFailure {
        if (limits.maxFileSize() > 0 && bytes > limits.maxFileSize()) {
            throw new DocumentFailure(FailureKind.LIMIT_EXCEEDED, "the file is " + Sizes.human(bytes)
                    + ", more than --max-file-size " + Sizes.human(limits.maxFileSize()));
        }
    }

    /** Fails an open document with more pages than {@code --max-pages} or a stream that inflates beyond {@code --max-stream-size}. */
    public void checkDocument(PDDocument pdf, int pages, Cancellation cancellation) throws DocumentFailure {
        if (limits.maxPages() > 0 && pages > limits.maxPages()) {
            throw new DocumentFailure(FailureKind.LIMIT_EXCEEDED,
                    "it has " + pages + " pages, more than --max-pages " + limits.maxPages());
        }
        if (limits.maxStreamSize() > 0) {
            checkStreams(pdf, cancellation);
        }
    }

    /** What the limits are, for the cache: a document that failed on a limit is retried when the limits change. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "pages=%d,file=%d,stream=%d", limits.maxPages(), limits.maxFileSize(),
                limits.maxStreamSize());
    }

    private void checkStreams(PDDocument pdf, Cancellation cancellation) throws DocumentFailure {
        try {
            CosWalk.walk(pdf.getDocument().getTrailer(), dictionary -> {
                if (dictionary instanceof COSStream stream && firstFilterIsFlate(stream)) {
                    long inflated = inflatedSize(stream, limits.maxStreamSize(), cancellation);
                    if (inflated > limits.maxStreamSize()) {
                        throw new LimitExceeded(describe(stream));
                    }
                }
            }, cancellation);
        } catch (LimitExceeded e) {
            throw new DocumentFailure(FailureKind.LIMIT_EXCEEDED, "a stream" + e.getMessage()
                    + " inflates to more than --max-stream-size " + Sizes.human(limits.maxStreamSize())
                    + " (a decompression bomb?)");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (e instanceof java.util.concurrent.CancellationException c) {
                throw c;
            }
            // a structure the walk cannot read is the parser's to report, when a variant needs it
        }
    }

    private static String describe(COSStream stream) {
        var key = stream.getKey();
        return key == null ? "" : " (object " + key.getNumber() + " " + key.getGeneration() + ")";
    }

    private static boolean firstFilterIsFlate(COSStream stream) {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSArray array && array.size() > 0) {
            filters = array.getObject(0);
        }
        return COSName.FLATE_DECODE.equals(filters) || COSName.FLATE_DECODE_ABBREVIATION.equals(filters);
    }

    /** Inflates the raw stream into nothing; returns its size, or {@code limit + 1} as soon as it exceeds the limit. */
    static long inflatedSize(COSStream stream, long limit, Cancellation cancellation) throws IOException {
        Inflater inflater = new Inflater();
        byte[] input = new byte[16 * 1024];
        byte[] output = new byte[64 * 1024];
        long total = 0;
        try (InputStream raw = stream.createRawInputStream()) {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = raw.read(input);
                    if (n < 0) {
                        break;
                    }
                    inflater.setInput(input, 0, n);
                }
                int produced = inflater.inflate(output);
                total += produced;
                if (total > limit) {
                    return limit + 1;
                }
                if (produced == 0 && (inflater.needsDictionary() || !inflater.needsInput())) {
                    break;
                }
                if ((total & 0xFFFFFF) < produced) {
                    cancellation.checkpoint();
                }
            }
        } catch (DataFormatException e) {
            // damaged data: it inflates to what it inflated to so far
        } finally {
            inflater.end();
        }
        return total;
    }

    /** Ends the walk at the first stream over the limit. */
    private static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String where) {
            super(where);
        }
    }
}
