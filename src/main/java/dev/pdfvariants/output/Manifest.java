package dev.pdfvariants.output;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.pdfvariants.document.DocumentResult;

/**
 * {@code OUT/_run/manifest.json}: what a run did to every document. Everything outside
 * {@link RunInfo} and the {@code durationMs} fields depends only on the inputs and options, so two
 * runs of the same inputs (with any number of workers) produce the same manifest apart from those.
 *
 * @param tool       the tool and version that wrote it
 * @param run        this run's identity and timing
 * @param variants   the variants requested, in catalog order
 * @param options    per variant, the option values that shaped its outputs
 * @param counts     documents by outcome
 * @param stopReason why the run stopped early, or null
 * @param exitCode   the exit code of the run
 * @param documents  one entry per document, sorted by relative path
 * @param shard      the part of the batch this run processed ({@code 0-of-1} for a whole batch)
 * @param environment the deployment environment ({@code ENVIRONMENT}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tool", "run", "shard", "environment"})
public record Manifest(Tool tool, RunInfo run, List<String> variants, Map<String, Map<String, Object>> options,
        Counts counts, String stopReason, int exitCode, List<DocumentResult> documents, ShardInfo shard,
        String environment) {

    public static final int FORMAT_VERSION = 1;

    /** {@code manifest.json} for a whole batch, {@code manifest-K-of-N.json} for one shard of it. */
    public static String fileName(dev.pdfvariants.config.Shard shard) {
        return shard.isWhole() ? "manifest.json" : "manifest-" + shard.label() + ".json";
    }

    /** Which shard a manifest covers: what {@code pdfvariants report} checks for completeness. */
    public record ShardInfo(int index, int count, String label) {
        public static ShardInfo of(dev.pdfvariants.config.Shard shard) {
            return new ShardInfo(shard.index(), shard.count(), shard.label());
        }
    }

    public record Tool(String name, String version, int manifestFormat) {
    }

    public record RunInfo(String batchId, Instant startedAt, Instant finishedAt, long durationMs, int workers,
            String host) {
    }

    public record Counts(int discovered, int succeeded, int failed, int skipped) {
    }
}
