package dev.pdfvariants.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.pdfvariants.Version;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.variant.Variant;

/**
 * The cache keys of a run. A variant's outputs are up to date when its key is the same as when
 * they were written: the hex SHA-256 of the input's SHA-256, the variant's name, version and
 * options ({@link Variant#options}), and the tool's version. A document that could not be opened
 * is keyed by its input, the tool's version, the resource limits and whether a password was given.
 */
public final class CacheKeys {
    private final Map<String, Variant> variants = new TreeMap<>();
    private final VariantSettings settings;
    private final String documentSalt;
    private final String toolVersion;

    /**
     * @param limits        the resource limits' fingerprint
     * @param passwordGiven whether the run has a password for encrypted inputs
     */
    public CacheKeys(List<Variant> variants, VariantSettings settings, String limits, boolean passwordGiven) {
        this(variants, settings, limits, passwordGiven, Version.version());
    }

    CacheKeys(List<Variant> variants, VariantSettings settings, String limits, boolean passwordGiven,
            String toolVersion) {
        variants.forEach(v -> this.variants.put(v.name(), v));
        this.settings = settings;
        this.documentSalt = limits + ";password=" + passwordGiven;
        this.toolVersion = toolVersion;
    }

    /** The key of {@code variant}'s outputs for an input with this SHA-256. */
    public String variant(String inputSha256, Variant variant) {
        Map<String, Object> parts = new TreeMap<>();
        parts.put("input", inputSha256);
        parts.put("variant", variant.name());
        parts.put("version", variant.version());
        parts.put("options", new TreeMap<>(variant.options(settings)));
        parts.put("tool", toolVersion);
        return sha256(Json.compact(parts));
    }

    /** The key of the variant named {@code name}, or null when the run does not have it. */
    public String variant(String inputSha256, String name) {
        Variant v = variants.get(name);
        return v == null ? null : variant(inputSha256, v);
    }

    /** The key of a whole document's outcome when it failed before any variant ran. */
    public String document(String inputSha256) {
        return sha256(inputSha256 + ";" + toolVersion + ";" + documentSalt);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
