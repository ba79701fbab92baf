package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * The catalog: every variant, listed once, in the order they run and appear. Adding a variant
 * means one new class and one line in {@link #standard()}.
 */
public final class VariantRegistry {
    /** {@code -v all} selects the whole catalog. */
    public static final String ALL = "all";

    private final Map<String, Variant> byName = new LinkedHashMap<>();
    private final List<String> defaults;

    public VariantRegistry(List<Variant> variants, List<String> defaults) {
        for (Variant v : variants) {
            if (byName.putIfAbsent(v.name(), v) != null) {
                throw new IllegalArgumentException("duplicate variant name " + v.name());
            }
        }
        this.defaults = List.copyOf(defaults);
        for (String d : this.defaults) {
            if (!byName.containsKey(d)) {
                throw new IllegalArgumentException("default variant " + d + " is not in the catalog");
            }
        }
    }

    /** The product's catalog. */
    public static VariantRegistry standard() {
        return new VariantRegistry(List.of(
                new TextVariant(),
                new MetadataVariant(),
                new SummaryVariant(),
                new OutlineVariant(),
                new HighlightsVariant(),
                new TopicsVariant(),
                new NotesVariant(),
                new QuizVariant(),
                new PresentationVariant(),
                new AbridgedVariant(),
                new ThumbnailsVariant(),
                new ImagesVariant(),
                new SplitVariant(),
                new CompressedVariant(),
                new WatermarkedVariant(),
                new SanitizedVariant(),
                new EncryptedVariant(),
                new TranslatedVariant(),
                new ExpandedVariant()),
                List.of("text", "metadata", "summary", "outline", "topics", "highlights"));
    }

    public List<Variant> all() {
        return List.copyOf(byName.values());
    }

    /** The names run when {@code -v} is not given. */
    public List<String> defaults() {
        return defaults;
    }

    /**
     * Resolves requested names ({@code all}, or names separated by commas) to variants in catalog
     * order, without duplicates. Unknown names are a usage error that lists the valid ones.
     */
    public List<Variant> resolve(List<String> requested) {
        List<String> names = new ArrayList<>();
        for (String item : requested.isEmpty() ? defaults : requested) {
            for (String part : item.split(",")) {
                String name = part.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            throw PdfVariantsException.usage("no variant selected",
                    "Pass -v with one or more of: " + String.join(", ", byName.keySet()) + " (or all).");
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (name.equals(ALL)) {
                wanted.addAll(byName.keySet());
            } else if (byName.containsKey(name)) {
                wanted.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw PdfVariantsException.usage(
                    (unknown.size() == 1 ? "unknown variant '" : "unknown variants '") + String.join("', '", unknown) + "'",
                    "Valid variants: " + String.join(", ", byName.keySet()) + ", or all. See `pdfvariants variants`.");
        }
        List<Variant> selected = new ArrayList<>();
        for (Variant v : byName.values()) {
            if (wanted.contains(v.name())) {
                selected.add(v);
            }
        }
        return selected;
    }
}
