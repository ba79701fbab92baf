package dev.pdfvariants.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates zlib (Flate) data and fails on anything but a complete, valid stream: bad data, a
 * missing end, or a wrong Adler-32 checksum. PDF readers are lenient and show what they can of a
 * damaged stream; a tool that re-encodes streams must not turn that guess into the new data.
 * Bytes after the end of the zlib stream (end-of-line padding) are ignored, as readers do.
 */
final class StrictInflate {
    private StrictInflate() {
    }

    static void inflate(InputStream in, OutputStream out) throws IOException {
        Inflater inflater = new Inflater();
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = in.read(input);
                    if (n < 0) {
                        throw new IOException("Flate data ends before its end marker");
                    }
                    inflater.setInput(input, 0, n);
                }
                int produced = inflater.inflate(output);
                if (produced > 0) {
                    out.write(output, 0, produced);
                } else if (inflater.needsDictionary()) {
                    throw new IOException("Flate data needs a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("damaged Flate data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
