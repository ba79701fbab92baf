package dev.pdfvariants.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.pdfvariants.pdf.PageRanges;

/**
 * What the document variants (thumbnails, images, split, watermarked, encrypted …) produce.
 *
 * @param thumbnailPages the pages rendered as thumbnails
 * @param dpi            thumbnail resolution
 * @param maxPixels      hard cap on the pixels of any one image the tool renders or decodes
 * @param split          how {@code split} cuts the document
 * @param watermark      the stamp of {@code watermarked}
 * @param protection     passwords and permissions of {@code encrypted}
 */
public record DocumentSettings(PageRanges thumbnailPages, int dpi, long maxPixels, Split split, Watermark watermark,
        Protection protection) {

    public static final int DEFAULT_DPI = 72;
    public static final long DEFAULT_MAX_PIXELS = 16_000_000L;

    public DocumentSettings {
        Objects.requireNonNull(thumbnailPages, "thumbnailPages");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(protection, "protection");
        if (dpi < 1 || dpi > 2400) {
            throw new IllegalArgumentException("dpi must be between 1 and 2400, got " + dpi);
        }
        if (maxPixels < 10_000) {
            throw new IllegalArgumentException("max pixels must be at least 10000, got " + maxPixels);
        }
    }

    public static DocumentSettings defaults() {
        return new DocumentSettings(PageRanges.parse("1"), DEFAULT_DPI, DEFAULT_MAX_PIXELS, Split.defaults(),
                Watermark.defaults(), Protection.none());
    }

    /** How {@code split} cuts: one file per page, per given range, or per top-level bookmark. */
    public enum SplitMode {
        PAGES, RANGES, BOOKMARKS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param ranges the ranges of {@link SplitMode#RANGES}, else null */
    public record Split(SplitMode mode, PageRanges ranges) {
        public Split {
            Objects.requireNonNull(mode, "mode");
            if (mode == SplitMode.RANGES && ranges == null) {
                throw new IllegalArgumentException("split by ranges needs the ranges (--split-ranges)");
            }
        }

        public static Split defaults() {
            return new Split(SplitMode.PAGES, null);
        }
    }

    /** Where the stamp goes: under the page content or over it. */
    public enum Layer {
        UNDER, OVER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param text    the stamp, one line
     * @param opacity 0 (invisible) to 1 (opaque)
     * @param angle   degrees, counter-clockwise, as the page is viewed
     */
    public record Watermark(String text, float opacity, float angle, Layer layer) {
        public static final String DEFAULT_TEXT = "DRAFT";

        public Watermark {
            Objects.requireNonNull(layer, "layer");
            if (text == null || text.isBlank() || text.contains("\n")) {
                throw new IllegalArgumentException("watermark text must be one non-empty line");
            }
            if (!(opacity > 0 && opacity <= 1)) {
                throw new IllegalArgumentException("watermark opacity must be above 0 and at most 1, got " + opacity);
            }
            if (!(angle >= -360 && angle <= 360)) {
                throw new IllegalArgumentException("watermark angle must be between -360 and 360 degrees, got " + angle);
            }
        }

        public static Watermark defaults() {
            return new Watermark(DEFAULT_TEXT, 0.3f, 45, Layer.OVER);
        }
    }

    /** What a reader of an {@code encrypted} output may do without the owner password. */
    public enum Permission {
        PRINT, PRINT_HIGH, MODIFY, COPY, ACCESSIBILITY, ANNOTATE, FILL_FORMS, ASSEMBLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** {@code all}, {@code none}, or names separated by commas (print, print-high, modify, copy …). */
        public static Set<Permission> parseList(String text) {
            String spec = text.strip().toLowerCase(Locale.ROOT);
            if (spec.equals("all")) {
                return EnumSet.allOf(Permission.class);
            }
            Set<Permission> set = EnumSet.noneOf(Permission.class);
            if (spec.equals("none")) {
                return set;
            }
            for (String part : spec.split(",")) {
                String id = part.strip();
                Permission match = null;
                for (Permission p : values()) {
                    if (p.id().equals(id)) {
                        match = p;
                    }
                }
                if (match == null) {
                    throw new IllegalArgumentException("unknown permission '" + id + "'; use all, none, or some of "
                            + EnumSet.allOf(Permission.class).stream().map(Permission::id).collect(Collectors.joining(", ")));
                }
                set.add(match);
            }
            return set;
        }

        public static String describe(Set<Permission> permissions) {
            if (permissions.size() == values().length) {
                return "all";
            }
            return permissions.isEmpty() ? "none" : permissions.stream().map(Permission::id).collect(Collectors.joining(","));
        }
    }

    /**
     * The protection of {@code encrypted} outputs (AES-256).
     *
     * @param userPassword  opens the output; null when none was configured
     * @param ownerPassword lifts the restrictions; null: a random one nobody knows
     * @param permissions   what a reader with the user password may do
     */
    public record Protection(Secret userPassword, Secret ownerPassword, Set<Permission> permissions) {
        public Protection {
            permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        }

        public static Protection none() {
            return new Protection(null, null, EnumSet.allOf(Permission.class));
        }

        @Override
        public Set<Permission> permissions() {
            return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        }
    }
}
