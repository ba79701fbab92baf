package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Keyword extraction at its edges: nothing to pick from, and many one-off phrases ahead of the real ones. */
class KeywordExtractorTest {

    @Test
    void textOfStopwordsOnlyHasNoKeywords() {
        Analysis a = Analysis.of(Languages.of("en"), List.of("It is what it is.", "And so it was, and so it is."));
        assertThat(new KeywordExtractor(a, null).extract(10)).isEmpty();
    }

    @Test
    void manyPhrasesSeenOnceDoNotCrowdOutTheRepeatedOnesAndEveryLimitIsFilled() {
        Random random = new Random(8);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // one-off made-up words everywhere, and a few real terms that come back
            StringBuilder s = new StringBuilder("The ");
            for (int w = 0; w < 8; w++) {
                s.append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)))
                        .append((char) ('a' + random.nextInt(26))).append("ix").append(i).append(w).append(' ');
            }
            s.append(i % 3 == 0 ? "with the rooftop garden" : i % 3 == 1 ? "near the storm drain" : "for the water meter");
            sentences.add(s + ".");
        }
        Analysis a = Analysis.of(Languages.of("en"), sentences);
        for (int limit : new int[] {1, 5, 40}) {
            List<Keyword> keywords = new KeywordExtractor(a, null).extract(limit);
            assertThat(keywords).hasSize(Math.min(limit, 11)).allMatch(k -> k.count() >= 2); // 11 phrases recur
            assertThat(keywords).isSortedAccordingTo((x, y) -> Double.compare(x.score(), y.score()));
        }
        assertThat(new KeywordExtractor(a, null).extract(40)).extracting(Keyword::text)
                .contains("rooftop garden", "storm drain", "water meter");
    }

    @Test
    void selectionFindsWhatASortPutsAtEachPlace() {
        double[] values = {0.0, -0.0, 1.5, -1.5, 2.0, 1e-300, -1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.25, 0.25, 0.3};
        Random random = new Random(19);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(round % 10 == 0 ? 2_000 : 40);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : random.nextInt(20) / 7.0;
            }
            double[] sorted = scores.clone();
            java.util.Arrays.sort(sorted);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = KeywordExtractor.key(scores[i]);
            }
            int k = random.nextInt(n);
            double selected = KeywordExtractor.score(KeywordExtractor.select(keys, k));
            assertThat(Double.compare(selected, sorted[k])).as("k=%d of %s", k, java.util.Arrays.toString(scores)).isZero();
        }
    }

    @Test
    void tablesStartAtAPowerOfTwoWithRoomForTheDocumentsTokensWithinABound() {
        for (int tokens : new int[] {0, 1, 511, 512, 513, 1000, 18_000, 65_536, 131_072, 131_073, 5_000_000}) {
            int size = KeywordExtractor.tableSize(tokens);
            assertThat(Integer.bitCount(size)).as("a power of two for %d tokens", tokens).isEqualTo(1);
            assertThat(size).as("at least twice %d tokens, at least 1,024, at most 2^18", tokens)
                    .isGreaterThanOrEqualTo(Math.max(1024, Math.min(tokens, 1 << 17) * 2)).isLessThanOrEqualTo(1 << 18);
            assertThat(size).as("no larger than needed").isLessThan(Math.max(2048, Math.min(tokens, 1 << 17) * 4));
        }
    }
}
