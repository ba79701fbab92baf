package dev.pdfvariants.document;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import dev.pdfvariants.config.Secret;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.pdf.Jbig2Guard;

/**
 * Opens a PDF once, with bounded memory: the file is read through a buffered random-access view
 * (not slurped into the heap), and streams PDFBox creates are cached in memory up to a small
 * budget, then in temporary files. Every failure becomes a {@link DocumentFailure} whose kind
 * says what went wrong.
 */
public final class PdfLoader {
    /** Memory for streams PDFBox creates while a document is open, before it spills to temp files. */
    private static final long STREAM_CACHE_MEMORY = 8L << 20;

    /**
     * The stream cache of the documents pdfvariants opens (inputs, and the PDFs it wrote, opened
     * again to be checked) and of those it makes from their pages: memory up to a small budget,
     * then temporary files. A document made with PDFBox's default keeps every stream it makes in
     * the heap, however large; one with temporary files only makes a file for every document, on
     * a disk where creating files can cost more than the whole check of a small PDF.
     */
    public static StreamCacheCreateFunction streamCache() {
        return MemoryUsageSetting.setupMixed(STREAM_CACHE_MEMORY).streamCache;
    }

    static {
        // the JBIG2 decoder on the class path would allocate whatever page size a stream declares
        Jbig2Guard.install();
    }

    private final Secret password;

    /** @param password the password to try on encrypted files, or null */
    public PdfLoader(Secret password) {
        this.password = password;
    }

    /** Opens the file; the caller closes the document. */
    public PDDocument load(Path file, long size) throws DocumentFailure {
        try {
            Sniffer.requirePdf(file, size);
            if (password == null) {
                return open(file, "");
            }
            try {
                return open(file, password.reveal());
            } catch (InvalidPasswordException e) {
                // the given password is for other files of the batch; this one may open without one
                return open(file, "");
            }
        } catch (InvalidPasswordException e) {
            if (password == null) {
                throw new DocumentFailure(FailureKind.PASSWORD_REQUIRED, "encrypted: a password is needed to open it");
            }
            throw new DocumentFailure(FailureKind.WRONG_PASSWORD,
                    "encrypted: the password from " + password.origin() + " does not open it");
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new DocumentFailure(FailureKind.NOT_FOUND, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DocumentFailure(FailureKind.IO_ERROR, "permission denied reading the file", e);
        } catch (IOException e) {
            throw new DocumentFailure(FailureKind.CORRUPT, "cannot parse the PDF: " + explain(e), e);
        } catch (StackOverflowError e) {
            throw new DocumentFailure(FailureKind.CORRUPT, "cannot parse the PDF: its objects are nested too deeply", e);
        } catch (OutOfMemoryError e) {
            throw new DocumentFailure(FailureKind.OUT_OF_MEMORY, "ran out of memory while parsing the PDF", e);
        } catch (RuntimeException e) {
            throw new DocumentFailure(FailureKind.CORRUPT, "cannot parse the PDF: " + oneLine(e), e);
        }
    }

    private static PDDocument open(Path file, String pw) throws IOException {
        RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(file.toFile());
        try {
            return Loader.loadPDF(source, pw, null, null, streamCache());
        } catch (IOException | RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    /** The parser's message, prefixed with what it usually means when it is cryptic. */
    private static String explain(IOException e) {
        String message = oneLine(e);
        if (message.contains("Missing root object") || message.contains("Page tree root must be a dictionary")) {
            return "no document catalog found; the file is probably truncated (" + message + ")";
        }
        return message;
    }

    /** A one-line description of an exception, without its stack trace. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
