package dev.pdfvariants.variant;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a variant is made from, for the catalog. */
public enum VariantKind {
    /** Text and facts drawn from the document's text (text, summary, topics …). */
    CONTENT,
    /** PDFs and images derived from the document itself (split, thumbnails …). */
    DOCUMENT,
    /** Made through an external language-model provider. */
    PROVIDER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
