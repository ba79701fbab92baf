package dev.pdfvariants.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.error.ExitCode;

class ReportMergerTest {
    private static final List<Path> OUT = List.of(Path.of("out"));

    private static ShardManifest shard(int index, int count, String batch, long finished, String... docs) {
        List<ShardManifest.Document> documents = new ArrayList<>();
        int failed = 0;
        for (String d : docs) {
            boolean fails = d.startsWith("broken");
            failed += fails ? 1 : 0;
            documents.add(new ShardManifest.Document(d, fails ? "failed" : "succeeded", fails ? "corrupt" : null,
                    fails ? "cannot parse the PDF" : null));
        }
        return new ShardManifest(Path.of("out-" + batch + "/_run/manifest-" + index + "-of-" + count + ".json"), index,
                count, batch, "host", null, Instant.ofEpochSecond(finished - 10), Instant.ofEpochSecond(finished), 10_000,
                List.of("text"), new ShardManifest.Counts(docs.length, docs.length - failed, failed, 0),
                failed > 0 ? 1 : 0, null, documents);
    }

    @Test
    void aCompleteSplitAddsUpAndFailuresGiveExitCodeOne() {
        MergedReport r = ReportMerger.merge(List.of(shard(0, 3, "a", 100, "x.pdf", "broken.pdf"), shard(1, 3, "b", 101,
                "y.pdf"), shard(2, 3, "c", 102)), OUT);
        assertThat(r.problems()).isEmpty();
        assertThat(r.counts()).isEqualTo(new MergedReport.Counts(3, 2, 1, 0));
        assertThat(r.failures()).extracting(MergedReport.Failure::path, MergedReport.Failure::shard)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broken.pdf", "0-of-3"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.DOCUMENTS_FAILED.code());
        assertThat(r.startedAt()).isEqualTo(Instant.ofEpochSecond(90));
        assertThat(r.finishedAt()).isEqualTo(Instant.ofEpochSecond(102));
    }

    @Test
    void aMissingShardIsNamedAndMakesTheReportIncomplete() {
        MergedReport r = ReportMerger.merge(List.of(shard(0, 3, "a", 100, "x.pdf"), shard(2, 3, "c", 102, "z.pdf")), OUT);
        assertThat(r.missingShards()).containsExactly("1-of-3");
        assertThat(r.problems()).singleElement().asString().contains("shard 1-of-3 is missing").contains("--shard 1/3");
        assertThat(r.exitCode()).isEqualTo(ExitCode.SHARDS_INCOMPLETE.code());
        assertThat(ReportRenderer.text(r)).contains("1-of-3    MISSING").contains("INCOMPLETE");
    }

    @Test
    void aShardRunTwiceCountsTheLaterRunOnceAndIsReported() {
        MergedReport r = ReportMerger.merge(List.of(shard(0, 2, "first", 100, "x.pdf"), shard(0, 2, "second", 200, "x.pdf"),
                shard(1, 2, "c", 150, "y.pdf")), OUT);
        assertThat(r.duplicatedShards()).containsExactly("0-of-2");
        assertThat(r.counts().discovered()).isEqualTo(2);
        assertThat(r.shards()).filteredOn(MergedReport.Shard::used).extracting(MergedReport.Shard::batchId)
                .containsExactlyInAnyOrder("second", "c");
        assertThat(r.exitCode()).isEqualTo(ExitCode.SHARDS_INCOMPLETE.code());
    }

    @Test
    void copiesOfOneManifestAreNotADuplicate() {
        MergedReport r = ReportMerger.merge(List.of(shard(0, 2, "a", 100, "x.pdf"), shard(0, 2, "a", 100, "x.pdf"),
                shard(1, 2, "b", 100, "y.pdf")), OUT);
        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void documentsProcessedByTwoShardsAndMixedSplitsAreInconsistencies() {
        MergedReport overlap = ReportMerger.merge(List.of(shard(0, 2, "a", 100, "x.pdf", "y.pdf"),
                shard(1, 2, "b", 100, "y.pdf")), OUT);
        assertThat(overlap.documentsInSeveralShards()).singleElement()
                .satisfies(d -> assertThat(d.shards()).containsExactly("0-of-2", "1-of-2"));
        assertThat(overlap.exitCode()).isEqualTo(ExitCode.SHARDS_INCOMPLETE.code());

        MergedReport mixed = ReportMerger.merge(List.of(shard(0, 2, "a", 100, "x.pdf"), shard(1, 2, "b", 100, "y.pdf"),
                shard(0, 3, "c", 100, "x.pdf")), OUT);
        assertThat(mixed.shardCount()).isEqualTo(2);
        assertThat(mixed.problems()).singleElement().asString().contains("different splits");
        assertThat(mixed.counts().discovered()).isEqualTo(2);
    }

    @Test
    void theHtmlPageEscapesWhatItShows() {
        MergedReport r = ReportMerger.merge(List.of(shard(0, 1, "a", 100, "broken<script>.pdf")), OUT);
        String html = ReportRenderer.html(r);
        assertThat(html).contains("broken&lt;script&gt;.pdf").doesNotContain("<script>").startsWith("<!DOCTYPE html>");
    }
}
