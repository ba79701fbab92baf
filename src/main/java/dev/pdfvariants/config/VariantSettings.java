package dev.pdfvariants.config;

import java.util.Objects;

/**
 * The options that change what variants produce, grouped by concern. A variant reads only its own
 * group, and declares the values it reads in {@code Variant.options}, so that they become part of
 * its cache key.
 */
public record VariantSettings(TextOrder textOrder, ContentSettings content) {
    public VariantSettings {
        Objects.requireNonNull(textOrder, "textOrder");
        Objects.requireNonNull(content, "content");
    }

    /** The given text order, every other group at its defaults. */
    public VariantSettings(TextOrder textOrder) {
        this(textOrder, ContentSettings.defaults());
    }

    public static VariantSettings defaults() {
        return new VariantSettings(TextOrder.STREAM);
    }
}
