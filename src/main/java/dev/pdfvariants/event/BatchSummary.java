package dev.pdfvariants.event;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of a batch: what {@code --json} prints on stdout and the head of the manifest.
 *
 * @param batchId      a unique id of this run
 * @param output       the output directory
 * @param startedAt    when the batch started
 * @param finishedAt   when it finished
 * @param durationMs   its wall time
 * @param discovered   documents found
 * @param succeeded    documents processed successfully
 * @param failed       documents that failed
 * @param skipped      documents skipped (already up to date)
 * @param stopReason   why the batch stopped before processing everything, or null
 * @param exitCode     the process exit code this outcome maps to
 * @param failures     the failed documents, for a quick look without opening the manifest
 * @param shard        the shard this run processed ({@code K-of-N}; {@code 0-of-1} for a whole batch)
 * @param manifest     the manifest file this run wrote
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchSummary(String batchId, String output, Instant startedAt, Instant finishedAt, long durationMs,
        int discovered, int succeeded, int failed, int skipped, String stopReason, int exitCode,
        List<FailedDocument> failures, String shard, String manifest) {

    public BatchSummary {
        failures = List.copyOf(failures);
    }

    /** One failed document in the summary. */
    public record FailedDocument(String path, String error, String message) {
    }
}
