package dev.pdfvariants.cache;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Status;

/**
 * What is known to be done for one document: {@code OUT/_run/state/<document>.json}, written
 * atomically by the run (never by a worker) as soon as the document finishes, so that a re-run,
 * or a resume after {@code kill -9}, redoes only what is missing or changed.
 *
 * @param format      the layout of this file
 * @param tool        the version that wrote it
 * @param path        the document's relative path
 * @param sha256      the input's SHA-256 when it was processed
 * @param bytes       the input's size
 * @param pages       its page count, or null when it did not open
 * @param warnings    problems that did not stop it
 * @param documentKey the key of {@code error}, or null
 * @param error       why the whole document failed, when that failure is sure to happen again for
 *                    the same input (it is corrupt, not a PDF …), or null
 * @param variants    per variant: its key and outputs, or its lasting failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentState(int format, String tool, String path, String sha256, long bytes, Integer pages,
        List<String> warnings, String documentKey, Failure error, Map<String, VariantEntry> variants) {

    public static final int FORMAT = 1;

    public DocumentState {
        warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
        variants = variants == null ? Map.of() : new TreeMap<>(variants);
    }

    /**
     * One variant's cached outcome.
     *
     * @param key     its cache key
     * @param status  succeeded (or skipped, with {@code reason}), or failed for good
     * @param outputs the files it wrote, with their modification times
     * @param error   the lasting failure, or null
     * @param reason  why it was skipped, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VariantEntry(String key, Status status, List<StoredOutput> outputs, Failure error, String reason) {
        public VariantEntry {
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
        }
    }

    /** An output file as written: a later run trusts it while its size and modification time (or else its SHA-256) match. */
    public record StoredOutput(String path, long bytes, String sha256, long modifiedMillis) {
    }
}
