package dev.pdfvariants.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;

/**
 * Looks at a file's first bytes before the parser does, so that an empty file, an HTML error page
 * or an image saved as {@code .pdf} fails with a message that says what it really is.
 */
final class Sniffer {
    /** PDF readers accept the header anywhere in the first 1024 bytes. */
    private static final int HEADER_WINDOW = 1024;

    private Sniffer() {
    }

    static void requirePdf(Path file, long size) throws DocumentFailure, IOException {
        if (size == 0) {
            throw new DocumentFailure(FailureKind.EMPTY_FILE, "empty file (0 bytes)");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_WINDOW);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.contains("%PDF-")) {
            return;
        }
        throw new DocumentFailure(FailureKind.NOT_A_PDF, "not a PDF: " + describe(head, text));
    }

    private static String describe(byte[] head, String text) {
        String lower = text.stripLeading().toLowerCase(Locale.ROOT);
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "the file is a PNG image";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "the file is a JPEG image";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "the file is a ZIP archive (an Office document?)";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "the file is a GIF image";
        }
        if (startsWith(head, 'I', 'I', '*', 0) || startsWith(head, 'M', 'M', 0, '*')) {
            return "the file is a TIFF image";
        }
        if (lower.startsWith("%!ps")) {
            return "the file is PostScript";
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<html")) {
            return "the file is an HTML page (a failed download?)";
        }
        if (lower.startsWith("<?xml")) {
            return "the file is XML";
        }
        if (text.startsWith("%PDF") || text.startsWith("%pdf")) {
            return "the header '%PDF' has no version and nothing follows it";
        }
        return "no %PDF- header in the first " + Math.min(head.length, HEADER_WINDOW) + " bytes";
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
