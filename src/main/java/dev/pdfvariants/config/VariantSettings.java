package dev.pdfvariants.config;

import java.util.Objects;

/**
 * The options that change what variants produce, grouped by concern. A variant reads only its own
 * group, and declares the values it reads in {@code Variant.options}, so that they become part of
 * its cache key.
 *
 * @param textOrder reading order of extracted text
 * @param document  thumbnails, split, watermark and encryption options of the document variants
 */
public record VariantSettings(TextOrder textOrder, DocumentSettings document) {
    public VariantSettings {
        Objects.requireNonNull(textOrder, "textOrder");
        Objects.requireNonNull(document, "document");
    }

    public static VariantSettings defaults() {
        return new VariantSettings(TextOrder.STREAM, DocumentSettings.defaults());
    }
}
