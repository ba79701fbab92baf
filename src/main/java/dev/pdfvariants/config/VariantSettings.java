package dev.pdfvariants.config;

import java.util.Objects;

/**
 * The options that change what variants produce, grouped by concern. A variant reads only its own
 * group, and declares the values it reads in {@code Variant.options}, so that they become part of
 * its cache key.
 */
public record VariantSettings(TextOrder textOrder) {
    public VariantSettings {
        Objects.requireNonNull(textOrder, "textOrder");
    }

    public static VariantSettings defaults() {
        return new VariantSettings(TextOrder.STREAM);
    }
}
