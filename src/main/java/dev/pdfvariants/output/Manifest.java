package dev.pdfvariants.output;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(Tool tool, RunInfo run, List<String> variants, Map<String, Map<String, Object>> options,
        Counts counts, String stopReason, int exitCode, List<DocumentResult> documents) {

    public static final int FORMAT_VERSION = 1;

    public record Tool(String name, String version, int manifestFormat) {
    }

    public record RunInfo(String batchId, Instant startedAt, Instant finishedAt, long durationMs, int workers,
            String host) {
    }

    public record Counts(int discovered, int succeeded, int failed, int skipped) {
    }
}
