package dev.pdfvariants.document;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a document or of one variant. */
public enum Status {
    SUCCEEDED,
    FAILED,
    /** Not done this time: already up to date (cached), or not applicable, with a reason. */
    SKIPPED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
