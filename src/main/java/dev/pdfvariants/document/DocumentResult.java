package dev.pdfvariants.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The immutable result a worker returns for one document; the collector turns it into a manifest
 * entry. A document succeeds when every requested variant succeeded (or was skipped with a
 * reason); it fails when it could not be opened or any variant failed.
 *
 * @param path       the relative path (the document's key)
 * @param source     the file it was read from, as given
 * @param status     the outcome
 * @param bytes      the input's size, or -1 when it could not be read
 * @param sha256     the input's hex SHA-256, or null when it could not be read
 * @param pages      the page count, or null when the PDF did not open
 * @param durationMs wall time for the whole document
 * @param error      why the document failed as a whole (could not be opened, timed out …), or null
 * @param variants   one result per requested variant, in catalog order
 * @param warnings   problems that did not stop the document (a page whose text could not be read)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentResult(String path, String source, Status status, long bytes, String sha256, Integer pages,
        long durationMs, Failure error, List<VariantResult> variants, List<String> warnings) {
    public DocumentResult {
        variants = List.copyOf(variants);
        warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
    }

    /** The first failure: the document's own, else that of the first failed variant; null if none. */
    public Failure firstFailure() {
        if (error != null) {
            return error;
        }
        return variants.stream().filter(v -> v.error() != null).map(VariantResult::error).findFirst().orElse(null);
    }
}
