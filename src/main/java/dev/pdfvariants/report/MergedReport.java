package dev.pdfvariants.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The merged report of a (sharded) batch: what {@code pdfvariants report --json} prints.
 *
 * @param shardCount      N, the number of shards the batch was split into
 * @param shards          every manifest read, by shard then file
 * @param missingShards   labels ({@code K-of-N}) of the shards with no manifest
 * @param duplicatedShards labels of the shards with more than one manifest from different runs
 * @param documentsInSeveralShards documents that more than one shard processed
 * @param counts          documents by outcome, over the shards used
 * @param failures        the failed documents, by path
 * @param startedAt       when the first shard started
 * @param finishedAt      when the last shard finished
 * @param problems        why the report is incomplete, one sentence each; empty when it is complete
 * @param exitCode        0 complete and no failure, 1 documents failed, 6 shards missing, duplicated or inconsistent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergedReport(int shardCount, List<Shard> shards, List<String> missingShards,
        List<String> duplicatedShards, List<DocumentInSeveralShards> documentsInSeveralShards, Counts counts,
        List<Failure> failures, List<String> variants, Instant startedAt, Instant finishedAt, List<String> problems,
        int exitCode) {

    public boolean complete() {
        return problems.isEmpty();
    }

    /**
     * One manifest.
     *
     * @param used false when another manifest of the same shard was preferred, or it belongs to another split
     */
    public record Shard(String label, int index, int count, String manifest, String batchId, String host,
            String environment, Instant startedAt, Instant finishedAt, long durationMs, Counts counts, int exitCode,
            String stopReason, boolean used) {
    }

    public record Counts(int discovered, int succeeded, int failed, int skipped) {
    }

    public record DocumentInSeveralShards(String path, List<String> shards) {
    }

    public record Failure(String path, String shard, String kind, String message) {
    }
}
