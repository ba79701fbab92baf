package dev.pdfvariants.config;

import java.util.Map;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * Works out which shard this process is, from {@code --shard} or else from the variables the
 * cluster engines set on each task:
 * <ul>
 * <li>Kubernetes Indexed Job: {@code JOB_COMPLETION_INDEX} (0-based); the count is not set by
 * Kubernetes, so it comes from {@code --shard-count} / {@code SHARD_COUNT} (the Job's
 * {@code completions}).</li>
 * <li>Cloud Run Jobs: {@code CLOUD_RUN_TASK_INDEX} (0-based) and {@code CLOUD_RUN_TASK_COUNT}.</li>
 * <li>Slurm job arrays: {@code SLURM_ARRAY_TASK_ID}, normalized with
 * {@code SLURM_ARRAY_TASK_MIN} and {@code SLURM_ARRAY_TASK_STEP} (so {@code --array=1-8} and
 * {@code --array=0-7} both give shards 0..7), and {@code SLURM_ARRAY_TASK_COUNT}.</li>
 * </ul>
 * An explicit {@code --shard} always wins ({@code --shard 0/1} processes everything even inside
 * an engine's task). Inconsistent variables are a configuration error naming the variables.
 */
public final class ShardDetection {
    private ShardDetection() {
    }

    /** The shard and a human description of where it came from. */
    public record Detected(Shard shard, String source) {
    }

    /**
     * @param explicit      the {@code --shard} value (already parsed), or null
     * @param explicitFrom  where {@code explicit} came from ("--shard", an environment variable …)
     * @param shardCount    the {@code --shard-count} / {@code SHARD_COUNT} value, or null
     * @param env           the process environment
     */
    public static Detected detect(Shard explicit, String explicitFrom, Integer shardCount, Map<String, String> env) {
        if (explicit != null) {
            if (shardCount != null && shardCount != explicit.count()) {
                throw PdfVariantsException.usage("--shard " + explicit.spec() + " and --shard-count " + shardCount
                        + " disagree", "Pass only --shard K/N, or make --shard-count (SHARD_COUNT) equal to N.");
            }
            return new Detected(explicit, explicitFrom);
        }
        String k8s = value(env, "JOB_COMPLETION_INDEX");
        if (k8s != null) {
            if (shardCount == null) {
                throw PdfVariantsException.usage("JOB_COMPLETION_INDEX=" + k8s + " is set (a Kubernetes Indexed Job) "
                        + "but the number of shards is not", "Set SHARD_COUNT (or --shard-count) to the Job's "
                        + "spec.completions, or pass --shard K/N (--shard 0/1 processes everything).");
            }
            int index = integer(env, "JOB_COMPLETION_INDEX");
            return new Detected(shard(index, shardCount, "JOB_COMPLETION_INDEX=" + index + " with shard count "
                    + shardCount), "Kubernetes: JOB_COMPLETION_INDEX=" + index + ", shard count " + shardCount);
        }
        if (value(env, "CLOUD_RUN_TASK_INDEX") != null) {
            int index = integer(env, "CLOUD_RUN_TASK_INDEX");
            int count = value(env, "CLOUD_RUN_TASK_COUNT") != null ? integer(env, "CLOUD_RUN_TASK_COUNT")
                    : requireCount(shardCount, "CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT");
            return new Detected(shard(index, count, "CLOUD_RUN_TASK_INDEX=" + index + ", CLOUD_RUN_TASK_COUNT=" + count),
                    "Cloud Run: CLOUD_RUN_TASK_INDEX=" + index + ", CLOUD_RUN_TASK_COUNT=" + count);
        }
        if (value(env, "SLURM_ARRAY_TASK_ID") != null) {
            return slurm(env, shardCount);
        }
        if (shardCount != null && shardCount != 1) {
            throw PdfVariantsException.usage("--shard-count " + shardCount + " is set but no shard index is: "
                    + "neither --shard nor JOB_COMPLETION_INDEX, CLOUD_RUN_TASK_INDEX or SLURM_ARRAY_TASK_ID",
                    "Pass --shard K/N, or run inside the engine's task.");
        }
        return new Detected(Shard.WHOLE, "default (no shard: the whole batch)");
    }

    private static Detected slurm(Map<String, String> env, Integer shardCount) {
        int id = integer(env, "SLURM_ARRAY_TASK_ID");
        int min = value(env, "SLURM_ARRAY_TASK_MIN") != null ? integer(env, "SLURM_ARRAY_TASK_MIN") : 0;
        int step = value(env, "SLURM_ARRAY_TASK_STEP") != null ? integer(env, "SLURM_ARRAY_TASK_STEP") : 1;
        int count = value(env, "SLURM_ARRAY_TASK_COUNT") != null ? integer(env, "SLURM_ARRAY_TASK_COUNT")
                : requireCount(shardCount, "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT");
        String described = "SLURM_ARRAY_TASK_ID=" + id + ", SLURM_ARRAY_TASK_MIN=" + min
                + (step != 1 ? ", SLURM_ARRAY_TASK_STEP=" + step : "") + ", SLURM_ARRAY_TASK_COUNT=" + count;
        String hint = "Submit a contiguous array such as sbatch --array=0-" + (count - 1)
                + " (ranges with a step work; lists like 1,5,9 do not), or pass --shard K/N.";
        if (step < 1 || (id - min) % step != 0) {
            throw PdfVariantsException.usage("cannot derive a shard from the Slurm array (" + described + ")", hint);
        }
        int index = (id - min) / step;
        String max = value(env, "SLURM_ARRAY_TASK_MAX");
        if (max != null && (integer(env, "SLURM_ARRAY_TASK_MAX") - min) / step + 1 != count) {
            throw PdfVariantsException.usage("the Slurm array is not a contiguous range (" + described
                    + ", SLURM_ARRAY_TASK_MAX=" + max + ")", hint);
        }
        if (index >= count) {
            throw PdfVariantsException.usage("cannot derive a shard from the Slurm array (" + described + ")", hint);
        }
        return new Detected(shard(index, count, described), "Slurm: " + described);
    }

    private static int requireCount(Integer shardCount, String indexVariable, String countVariable) {
        if (shardCount == null) {
            throw PdfVariantsException.usage(indexVariable + " is set but " + countVariable + " is not",
                    "Set " + countVariable + " or SHARD_COUNT (or --shard-count), or pass --shard K/N.");
        }
        return shardCount;
    }

    private static Shard shard(int index, int count, String described) {
        if (count < 1 || index < 0 || index >= count) {
            throw PdfVariantsException.usage("no such shard: " + described + " (the index must be between 0 and "
                    + "the count - 1)", "Check the engine's task count, SHARD_COUNT or --shard-count.");
        }
        return new Shard(index, count);
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int integer(Map<String, String> env, String name) {
        String v = value(env, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw PdfVariantsException.usage(name + "=" + v + " is not a whole number",
                    "Unset it, or pass --shard K/N explicitly.");
        }
    }
}
