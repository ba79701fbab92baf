package dev.pdfvariants.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code pdfvariants run} was asked to do, validated and immutable. Built by the CLI
 * (or by tests and embedders through {@link #builder()}), and handed to the batch runner.
 *
 * @param inputs        directories, files, or {@code -} for a list of paths on stdin
 * @param nullSeparated the stdin list is NUL-separated ({@code find -print0}) instead of line-separated
 * @param includes      globs a PDF must match (any of them); empty means every {@code *.pdf}
 * @param excludes      globs that exclude a PDF or a whole directory
 * @param output        the output directory
 * @param variants      variant names as requested (resolved and validated by the registry)
 * @param workers       documents processed at the same time
 * @param timeout       per-document time limit
 * @param maxFailures   stop taking new documents once more than this many failed; negative = never
 * @param password      the password for encrypted inputs, or null
 * @param json          print a machine-readable summary on stdout
 * @param progress      how progress is shown on stderr
 * @param verbose       stack traces and debug detail on stderr
 * @param settings      options that change what variants produce
 * @param shard         the part of the batch this run processes
 * @param telemetry     logs, metrics, traces and events of the run
 * @param resilience    retries, isolation, resource limits, the output cache and the clean stop
 */
public record RunOptions(
        List<String> inputs,
        boolean nullSeparated,
        List<String> includes,
        List<String> excludes,
        Path output,
        List<String> variants,
        int workers,
        Duration timeout,
        int maxFailures,
        Secret password,
        boolean json,
        ProgressMode progress,
        boolean verbose,
        VariantSettings settings,
        Shard shard,
        TelemetrySettings telemetry,
        ResilienceSettings resilience) {

    public RunOptions {
        inputs = List.copyOf(inputs);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        variants = List.copyOf(variants);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(resilience, "resilience");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("at least one input is required");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** The deployment environment ({@code ENVIRONMENT}: production, staging …), or null. */
    public String environment() {
        return telemetry.environment();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().inputs(inputs).nullSeparated(nullSeparated).includes(includes).excludes(excludes)
                .output(output).variants(variants).workers(workers).timeout(timeout).maxFailures(maxFailures)
                .password(password).json(json).progress(progress).verbose(verbose).settings(settings).shard(shard)
                .telemetry(telemetry).resilience(resilience);
    }

    /** Builder with the same defaults as the command line. */
    public static final class Builder {
        private List<String> inputs = List.of();
        private boolean nullSeparated;
        private List<String> includes = List.of();
        private List<String> excludes = List.of();
        private Path output;
        private List<String> variants = List.of();
        private int workers = Runtime.getRuntime().availableProcessors();
        private Duration timeout = Duration.ofSeconds(120);
        private int maxFailures = -1;
        private Secret password;
        private boolean json;
        private ProgressMode progress = ProgressMode.AUTO;
        private boolean verbose;
        private VariantSettings settings = VariantSettings.defaults();
        private Shard shard = Shard.WHOLE;
        private TelemetrySettings telemetry = TelemetrySettings.defaults();
        private ResilienceSettings resilience = ResilienceSettings.defaults();

        private Builder() {
        }

        public Builder inputs(List<String> v) { this.inputs = v; return this; }
        public Builder nullSeparated(boolean v) { this.nullSeparated = v; return this; }
        public Builder includes(List<String> v) { this.includes = v; return this; }
        public Builder excludes(List<String> v) { this.excludes = v; return this; }
        public Builder output(Path v) { this.output = v; return this; }
        public Builder variants(List<String> v) { this.variants = v; return this; }
        public Builder workers(int v) { this.workers = v; return this; }
        public Builder timeout(Duration v) { this.timeout = v; return this; }
        public Builder maxFailures(int v) { this.maxFailures = v; return this; }
        public Builder password(Secret v) { this.password = v; return this; }
        public Builder json(boolean v) { this.json = v; return this; }
        public Builder progress(ProgressMode v) { this.progress = v; return this; }
        public Builder verbose(boolean v) { this.verbose = v; return this; }
        public Builder settings(VariantSettings v) { this.settings = v; return this; }
        public Builder shard(Shard v) { this.shard = v; return this; }
        public Builder telemetry(TelemetrySettings v) { this.telemetry = v; return this; }
        public Builder resilience(ResilienceSettings v) { this.resilience = v; return this; }

        public RunOptions build() {
            return new RunOptions(inputs, nullSeparated, includes, excludes, output, variants, workers, timeout,
                    maxFailures, password, json, progress, verbose, settings, shard, telemetry, resilience);
        }
    }
}
