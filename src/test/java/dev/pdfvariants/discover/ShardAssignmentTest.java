package dev.pdfvariants.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.Shard;

class ShardAssignmentTest {
    private static List<String> paths(int n) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paths.add("dir" + (i % 13) + "/sub" + (i % 5) + "/document-" + i + ".pdf");
        }
        return paths;
    }

    @Test
    void everyDocumentBelongsToExactlyOneShardAndShardsAreRoughlyEven() {
        List<String> all = paths(2100);
        for (int n : new int[] {1, 2, 3, 7, 16}) {
            Map<String, Integer> owners = new HashMap<>();
            int[] sizes = new int[n];
            for (int k = 0; k < n; k++) {
                Shard shard = new Shard(k, n);
                for (String p : all) {
                    if (ShardAssignment.owns(shard, p)) {
                        assertThat(owners.put(p, k)).as("%s owned twice with N=%d", p, n).isNull();
                        sizes[k]++;
                    }
                }
            }
            assertThat(owners).hasSize(all.size());
            double mean = all.size() / (double) n;
            for (int size : sizes) {
                assertThat(size).as("shard sizes with N=%d", n).isBetween((int) (mean * 0.8), (int) (mean * 1.2));
            }
        }
    }

    @Test
    void theAssignmentDoesNotDependOnListingOrderOrLocale() {
        List<String> all = paths(300);
        Shard shard = new Shard(2, 7);
        List<String> sorted = filter(all, shard);
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(42));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // dotless i: a classic case-mapping trap
            assertThat(filter(shuffled, shard)).isNotEmpty().containsExactlyInAnyOrderElementsOf(sorted);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theHashIsAStableContractAcrossVersionsAndMachines() {
        // Changing these values re-shuffles every running sharded batch: only ever on purpose.
        assertThat(ShardAssignment.shardOf("reports/rooftop-gardens-report.pdf", 7))
                .isEqualTo(ShardAssignment.shardOf("reports/rooftop-gardens-report.PDF", 7));
        int[] expected = {ShardAssignment.shardOf("a.pdf", 1000003), ShardAssignment.shardOf("b/c.pdf", 1000003)};
        assertThat(expected).containsExactly(SHARD_OF_A, SHARD_OF_B_C);
    }

    // SHA-256("a") and SHA-256("b/c"), first 8 bytes, unsigned, mod 1000003 (computed independently with sha256sum).
    private static final int SHARD_OF_A = (int) Long.remainderUnsigned(0xca978112ca1bbdcaL, 1000003);
    private static final int SHARD_OF_B_C = (int) Long.remainderUnsigned(0xb9e2beb9a0cdd309L, 1000003);

    @Test
    void documentsThatWouldShareAnOutputDirectoryLandInTheSameShard() {
        for (int n = 2; n < 20; n++) {
            assertThat(ShardAssignment.shardOf("x/Report.pdf", n)).isEqualTo(ShardAssignment.shardOf("x/Report.PDF", n))
                    .isEqualTo(ShardAssignment.shardOf("x/Report", n));
        }
    }

    @Test
    void unicodeNormalizationFormsOfOneNameLandInTheSameShard() {
        String nfc = Normalizer.normalize("informes/año-señal.pdf", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        for (int n = 2; n < 20; n++) {
            assertThat(ShardAssignment.shardOf(nfd, n)).isEqualTo(ShardAssignment.shardOf(nfc, n));
        }
    }

    @Test
    void filteringIsLazyAndKeepsOrder() {
        List<SourceFile> files = new ArrayList<>();
        for (String p : paths(50)) {
            files.add(new SourceFile(Path.of("/in").resolve(p), p));
        }
        List<String> kept = new ArrayList<>();
        ShardAssignment.filter(files.iterator(), new Shard(1, 3)).forEachRemaining(f -> kept.add(f.relativePath()));
        assertThat(kept).isEqualTo(filter(paths(50), new Shard(1, 3)));
        assertThat(kept).isNotEmpty().hasSizeLessThan(50);
    }

    private static List<String> filter(List<String> all, Shard shard) {
        return all.stream().filter(p -> ShardAssignment.owns(shard, p)).toList();
    }
}
