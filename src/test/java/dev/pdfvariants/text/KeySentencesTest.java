package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Key sentences come out of the heap in the order the comparator sort gave them. */
class KeySentencesTest {

    @Test
    void bestFirstDrainsInTheOrderOfTheComparatorSortOnRandomScores() {
        Random random = new Random(3);
        for (int round = 0; round < 2_000; round++) {
            int n = random.nextInt(300);
            double[] scores = new double[n];
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // few distinct values, so that ties are common; some sentences are not candidates
                scores[i] = random.nextInt(4) == 0 ? 0 : (1 + random.nextInt(round % 2 == 0 ? 5 : 1_000_000)) / 7.0;
                if (scores[i] > 0 && random.nextInt(5) != 0) {
                    candidates.add(i);
                }
            }
            List<Integer> expected = new ArrayList<>(candidates);
            expected.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
            int[] heap = candidates.stream().mapToInt(Integer::intValue).toArray();
            KeySentences.BestFirst best = new KeySentences.BestFirst(scores, heap, heap.length);
            List<Integer> drained = new ArrayList<>();
            while (best.hasNext()) {
                drained.add(best.next());
            }
            assertThat(drained).isEqualTo(expected);
        }
    }
}
