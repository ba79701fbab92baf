package dev.pdfvariants.config;

import java.util.Objects;

/**
 * The options that change what variants produce, grouped by concern. A variant reads only its own
 * group, and declares the values it reads in {@code Variant.options}, so that they become part of
 * its cache key.
 *
 * @param textOrder reading order of extracted text
 * @param content   summary, abridged, quiz and slide options of the content variants
 * @param document  thumbnails, split, watermark and encryption options of the document variants
 * @param provider  the language-model provider of translated and expanded (its endpoint is not part of any key)
 */
public record VariantSettings(TextOrder textOrder, ContentSettings content, DocumentSettings document,
        ProviderSettings provider) {
    public VariantSettings {
        Objects.requireNonNull(textOrder, "textOrder");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(provider, "provider");
    }

    /** The given groups, no language-model provider. */
    public VariantSettings(TextOrder textOrder, ContentSettings content, DocumentSettings document) {
        this(textOrder, content, document, ProviderSettings.defaults());
    }

    /** The same settings with this provider. */
    public VariantSettings withProvider(ProviderSettings value) {
        return new VariantSettings(textOrder, content, document, value);
    }

    /** The given text order, every other group at its defaults. */
    public VariantSettings(TextOrder textOrder) {
        this(textOrder, ContentSettings.defaults(), DocumentSettings.defaults());
    }

    /** The given content options, every other group at its defaults. */
    public VariantSettings(TextOrder textOrder, ContentSettings content) {
        this(textOrder, content, DocumentSettings.defaults());
    }

    /** The given document-variant options, every other group at its defaults. */
    public VariantSettings(TextOrder textOrder, DocumentSettings document) {
        this(textOrder, ContentSettings.defaults(), document);
    }

    public static VariantSettings defaults() {
        return new VariantSettings(TextOrder.STREAM);
    }
}
