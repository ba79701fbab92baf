package dev.pdfvariants.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import dev.pdfvariants.config.DocumentSettings;
import dev.pdfvariants.config.DocumentSettings.Layer;
import dev.pdfvariants.config.DocumentSettings.Permission;
import dev.pdfvariants.config.DocumentSettings.Protection;
import dev.pdfvariants.config.DocumentSettings.Split;
import dev.pdfvariants.config.DocumentSettings.SplitMode;
import dev.pdfvariants.config.DocumentSettings.Watermark;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.pdf.PageRanges;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the document variants (thumbnails, images, split, watermarked, encrypted), as a
 * picocli mixin of {@code run}; {@link #toSettings} turns them into {@link DocumentSettings}.
 * Passwords are read from files or the environment, never from the command line.
 */
final class DocumentOptions {
    static final String ENCRYPT_PASSWORD_ENV = "PDFVARIANTS_ENCRYPT_PASSWORD";
    static final String ENCRYPT_OWNER_PASSWORD_ENV = "PDFVARIANTS_ENCRYPT_OWNER_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--pages", paramLabel = "RANGES", defaultValue = "1",
            description = "Pages rendered by thumbnails: e.g. 1, 1-3,7, 5- or all. Default: ${DEFAULT-VALUE}.")
    String pages;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "72",
            description = "Thumbnail resolution in dots per inch (1-2400). Default: ${DEFAULT-VALUE}.")
    int dpi;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "16M",
            description = "Hard cap on the pixels of one rendered or decoded image (e.g. 4000000, 16M); larger "
                    + "thumbnails are scaled down to fit. Default: ${DEFAULT-VALUE}.")
    String maxPixels;

    @Option(names = "--split-mode", paramLabel = "MODE",
            description = "How split cuts: pages (one file per page), ranges (one per --split-ranges range) or "
                    + "bookmarks (one per top-level bookmark). Default: ranges when --split-ranges is given, else pages.")
    SplitMode splitMode;

    @Option(names = "--split-ranges", paramLabel = "RANGES",
            description = "Ranges for split, one file each, e.g. 1-3,4-.")
    String splitRanges;

    @Option(names = "--watermark-text", paramLabel = "TEXT", defaultValue = Watermark.DEFAULT_TEXT,
            description = "The stamp of watermarked, one line of Latin-1 text. Default: ${DEFAULT-VALUE}.")
    String watermarkText;

    @Option(names = "--watermark-opacity", paramLabel = "X", defaultValue = "0.3",
            description = "Opacity of the stamp, above 0 up to 1. Default: ${DEFAULT-VALUE}.")
    float watermarkOpacity;

    @Option(names = "--watermark-angle", paramLabel = "DEG", defaultValue = "45",
            description = "Angle of the stamp in degrees, counter-clockwise. Default: ${DEFAULT-VALUE}.")
    float watermarkAngle;

    @Option(names = "--watermark-position", paramLabel = "WHERE", defaultValue = "over",
            description = "Stamp over or under the page content. Default: ${DEFAULT-VALUE}.")
    Layer watermarkLayer;

    @Option(names = "--encrypt-password-file", paramLabel = "FILE",
            description = "File whose first line is the password that opens encrypted outputs (or set "
                    + ENCRYPT_PASSWORD_ENV + "). Required by the encrypted variant.")
    Path encryptPasswordFile;

    @Option(names = "--encrypt-owner-password-file", paramLabel = "FILE",
            description = "File whose first line is the owner password of encrypted outputs (or set "
                    + ENCRYPT_OWNER_PASSWORD_ENV + "). Default: a random one, so the restrictions cannot be lifted.")
    Path encryptOwnerPasswordFile;

    @Option(names = "--encrypt-permissions", paramLabel = "LIST", defaultValue = "all",
            description = "What readers of encrypted outputs may do: all, none, or some of print, print-high, "
                    + "modify, copy, accessibility, annotate, fill-forms, assemble. Default: ${DEFAULT-VALUE}.")
    String encryptPermissions;

    DocumentSettings toSettings(Map<String, String> env) {
        try {
            SplitMode mode = splitMode != null ? splitMode : splitRanges != null ? SplitMode.RANGES : SplitMode.PAGES;
            if (mode == SplitMode.RANGES && splitRanges == null) {
                throw new IllegalArgumentException("--split-mode ranges needs --split-ranges, e.g. --split-ranges 1-3,4-");
            }
            Split split = new Split(mode, mode == SplitMode.RANGES ? parseRanges("--split-ranges", splitRanges) : null);
            Protection protection = new Protection(
                    Secret.resolve(encryptPasswordFile, "--encrypt-password-file", env, ENCRYPT_PASSWORD_ENV),
                    Secret.resolve(encryptOwnerPasswordFile, "--encrypt-owner-password-file", env, ENCRYPT_OWNER_PASSWORD_ENV),
                    Permission.parseList(encryptPermissions));
            return new DocumentSettings(parseRanges("--pages", pages), dpi, parsePixels(maxPixels), split,
                    new Watermark(watermarkText, watermarkOpacity, watermarkAngle, watermarkLayer), protection);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static PageRanges parseRanges(String option, String text) {
        try {
            return PageRanges.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** A pixel count: digits, optionally with k or M (decimal: 16M = 16,000,000). */
    static long parsePixels(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        long multiplier = 1;
        if (t.endsWith("k")) {
            multiplier = 1_000;
        } else if (t.endsWith("m")) {
            multiplier = 1_000_000;
        }
        String digits = multiplier == 1 ? t : t.substring(0, t.length() - 1);
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("--max-pixels: '" + text + "' is not a pixel count; use e.g. 4000000 or 16M");
        }
        return Long.parseLong(digits) * multiplier;
    }
}
