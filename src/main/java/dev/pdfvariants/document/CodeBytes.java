package dev.pdfvariants.document;

import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes of a shown string, read a character code at a time by a font: a
 * {@link java.io.ByteArrayInputStream} without its locks. Each of its methods is synchronized, and
 * text extraction calls three or four of them for every glyph (on a stream that never leaves one
 * thread); with JDK 17's default of no biased locking each call is an atomic instruction.
 * Same answers as {@code ByteArrayInputStream}, mark and reset included.
 */
final class CodeBytes extends InputStream {
    private final byte[] bytes;
    private int pos;
    private int mark;

    CodeBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (pos >= bytes.length) {
            return -1;
        }
        int n = Math.min(len, bytes.length - pos);
        if (n <= 0) {
            return 0;
        }
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, bytes.length - pos));
        pos += (int) k;
        return k;
    }

    @Override
    public int available() {
        return bytes.length - pos;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readAheadLimit) {
        mark = pos;
    }

    @Override
    public void reset() {
        pos = mark;
    }
}
