package dev.pdfvariants.error;

import java.util.Objects;

/**
 * An error that ends the whole command (as opposed to one document's failure). It carries the
 * exit code and a remedy: what the user can do about it. One mapper in {@code cli} prints
 * {@code message} and {@code remedy} and exits with {@code exitCode}.
 */
public final class PdfVariantsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String remedy;

    public PdfVariantsException(ExitCode exitCode, String message, String remedy, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode);
        this.remedy = remedy;
    }

    public static PdfVariantsException usage(String message, String remedy) {
        return new PdfVariantsException(ExitCode.USAGE, message, remedy, null);
    }

    public static PdfVariantsException inputNotFound(String message, String remedy) {
        return new PdfVariantsException(ExitCode.INPUT_NOT_FOUND, message, remedy, null);
    }

    public static PdfVariantsException outputNotWritable(String message, String remedy, Throwable cause) {
        return new PdfVariantsException(ExitCode.OUTPUT_NOT_WRITABLE, message, remedy, cause);
    }

    public static PdfVariantsException nothingToDo(String message, String remedy) {
        return new PdfVariantsException(ExitCode.NOTHING_TO_DO, message, remedy, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What the user can do about it; may be null when there is nothing useful to say. */
    public String remedy() {
        return remedy;
    }
}
