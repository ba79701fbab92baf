package dev.pdfvariants.error;

import java.util.Objects;

/**
 * One document (or one variant of it) could not be processed. Thrown inside the pipeline, caught
 * by the document processor, and recorded in the manifest; it never ends the batch.
 */
public final class DocumentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public DocumentFailure(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public DocumentFailure(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public FailureKind kind() {
        return kind;
    }
}
