package dev.pdfvariants.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.PdfVariantsException;

class ShardDetectionTest {
    private static Shard detect(Map<String, String> env) {
        return ShardDetection.detect(null, null, null, env).shard();
    }

    @Test
    void shardSpecsAreZeroBasedAndRejectOutOfRangeIndexesWithAHint() {
        assertThat(Shard.parse("0/4")).isEqualTo(new Shard(0, 4));
        assertThat(Shard.parse(" 3/4 ")).isEqualTo(new Shard(3, 4));
        assertThat(Shard.parse("2-of-7")).isEqualTo(new Shard(2, 7));
        assertThat(Shard.parse("2/7").label()).isEqualTo("2-of-7");
        assertThat(Shard.parse("0/1").isWhole()).isTrue();
        assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("numbered from 0")
                .hasMessageContaining("0/4 … 3/4");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("N must be at least 1");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("expected K/N");
    }

    @Test
    void noEngineVariablesMeansTheWholeBatch() {
        assertThat(detect(Map.of())).isEqualTo(Shard.WHOLE);
    }

    @Test
    void kubernetesIndexedJobsGiveTheIndexAndShardCountTheCount() {
        assertThat(ShardDetection.detect(null, null, 5, Map.of("JOB_COMPLETION_INDEX", "4")).shard())
                .isEqualTo(new Shard(4, 5));
        assertThatThrownBy(() -> detect(Map.of("JOB_COMPLETION_INDEX", "1")))
                .isInstanceOf(PdfVariantsException.class).hasMessageContaining("JOB_COMPLETION_INDEX=1")
                .satisfies(e -> assertThat(((PdfVariantsException) e).remedy()).contains("SHARD_COUNT"))
                .satisfies(e -> assertThat(((PdfVariantsException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> ShardDetection.detect(null, null, 3, Map.of("JOB_COMPLETION_INDEX", "3")))
                .hasMessageContaining("no such shard");
    }

    @Test
    void cloudRunTasksCarryTheirOwnIndexAndCount() {
        assertThat(detect(Map.of("CLOUD_RUN_TASK_INDEX", "2", "CLOUD_RUN_TASK_COUNT", "10")))
                .isEqualTo(new Shard(2, 10));
        assertThat(ShardDetection.detect(null, null, null, Map.of("CLOUD_RUN_TASK_INDEX", "0", "CLOUD_RUN_TASK_COUNT",
                "1")).source()).contains("Cloud Run");
    }

    @Test
    void slurmArraysAreNormalizedToZeroBasedShards() {
        assertThat(detect(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "8", "SLURM_ARRAY_TASK_MIN", "0",
                "SLURM_ARRAY_TASK_MAX", "7"))).isEqualTo(new Shard(3, 8));
        // --array=1-8: task 1 is the first shard
        assertThat(detect(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "8", "SLURM_ARRAY_TASK_MIN", "1",
                "SLURM_ARRAY_TASK_MAX", "8"))).isEqualTo(new Shard(0, 8));
        // --array=10-20:5 → tasks 10, 15, 20
        assertThat(detect(Map.of("SLURM_ARRAY_TASK_ID", "20", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "10",
                "SLURM_ARRAY_TASK_MAX", "20", "SLURM_ARRAY_TASK_STEP", "5"))).isEqualTo(new Shard(2, 3));
        // --array=1,5,9 is not a contiguous range: refuse rather than guess
        assertThatThrownBy(() -> detect(Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_COUNT", "3",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "9")))
                .hasMessageContaining("not a contiguous range")
                .satisfies(e -> assertThat(((PdfVariantsException) e).remedy()).contains("--array=0-2"));
    }

    @Test
    void anExplicitShardWinsOverTheEngineAndMustAgreeWithTheCount() {
        Map<String, String> env = Map.of("CLOUD_RUN_TASK_INDEX", "2", "CLOUD_RUN_TASK_COUNT", "10");
        assertThat(ShardDetection.detect(Shard.WHOLE, "--shard", null, env).shard()).isEqualTo(Shard.WHOLE);
        assertThatThrownBy(() -> ShardDetection.detect(new Shard(1, 3), "--shard", 4, Map.of()))
                .hasMessageContaining("disagree");
        assertThatThrownBy(() -> ShardDetection.detect(null, null, 4, Map.of()))
                .hasMessageContaining("no shard index");
    }

    @Test
    void garbageInEngineVariablesIsAConfigurationError() {
        assertThatThrownBy(() -> detect(Map.of("CLOUD_RUN_TASK_INDEX", "two", "CLOUD_RUN_TASK_COUNT", "3")))
                .hasMessageContaining("CLOUD_RUN_TASK_INDEX=two is not a whole number");
    }
}
