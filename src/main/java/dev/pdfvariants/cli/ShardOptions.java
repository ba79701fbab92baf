package dev.pdfvariants.cli;

import java.util.Map;

import dev.pdfvariants.config.Shard;
import dev.pdfvariants.config.ShardDetection;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --shard K/N} and {@code --shard-count N}: which part of the batch this process runs. */
final class ShardOptions {
    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Process only shard K of N (K from 0 to N-1): the documents whose relative path hashes "
                    + "to K. N runs with K = 0..N-1 cover every document exactly once; each writes "
                    + "_run/manifest-K-of-N.json. Default: from JOB_COMPLETION_INDEX (Kubernetes Indexed Job), "
                    + "CLOUD_RUN_TASK_INDEX/COUNT (Cloud Run) or SLURM_ARRAY_TASK_ID/COUNT (Slurm), else the "
                    + "whole batch. --shard 0/1 forces the whole batch.")
    Shard shard;

    @Option(names = "--shard-count", paramLabel = "N",
            description = "The number of shards when the engine gives only an index (Kubernetes: the Job's "
                    + "completions). Also read from SHARD_COUNT.")
    Integer shardCount;

    /** The shard this run processes, and where that came from. */
    ShardDetection.Detected detect(CommandSpec spec, Map<String, String> env) {
        return ShardDetection.detect(shard, shard == null ? null : Origins.describe(spec, "--shard"), shardCount, env);
    }

    static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
