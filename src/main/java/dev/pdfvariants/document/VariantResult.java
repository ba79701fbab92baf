package dev.pdfvariants.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one variant of one document produced.
 *
 * @param name       the variant
 * @param status     succeeded, failed, or skipped (with the reason in {@code reason})
 * @param durationMs time spent generating it
 * @param outputs    the files written, in a stable order
 * @param error      why it failed, or null
 * @param reason     why it was skipped, or null
 * @param cacheKey   the key its outputs are cached under (input, variant, version, options, tool), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantResult(String name, Status status, long durationMs, List<OutputFile> outputs, Failure error,
        String reason, String cacheKey) {
    public VariantResult {
        outputs = List.copyOf(outputs);
    }

    public VariantResult(String name, Status status, long durationMs, List<OutputFile> outputs, Failure error,
            String reason) {
        this(name, status, durationMs, outputs, error, reason, null);
    }

    /** The same result, recorded under a cache key. */
    public VariantResult withCacheKey(String key) {
        return new VariantResult(name, status, durationMs, outputs, error, reason, key);
    }

    public static VariantResult succeeded(String name, long durationMs, List<OutputFile> outputs) {
        return new VariantResult(name, Status.SUCCEEDED, durationMs, outputs, null, null);
    }

    public static VariantResult failed(String name, long durationMs, Failure error) {
        return new VariantResult(name, Status.FAILED, durationMs, List.of(), error, null);
    }

    public static VariantResult skipped(String name, String reason) {
        return new VariantResult(name, Status.SKIPPED, 0, List.of(), null, reason);
    }
}
