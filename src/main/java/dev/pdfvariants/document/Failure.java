package dev.pdfvariants.document;

import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;

/**
 * Why something failed, as recorded in the manifest and events.
 *
 * @param kind    the stable error class, e.g. {@code not-a-pdf}
 * @param message what happened, for humans
 * @param remedy  what to do about it
 */
public record Failure(String kind, String message, String remedy) {
    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind.id(), message, kind.remedy());
    }

    public static Failure of(DocumentFailure e) {
        return of(e.kind(), e.getMessage());
    }
}
