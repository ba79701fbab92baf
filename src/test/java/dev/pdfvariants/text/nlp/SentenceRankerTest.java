package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The sentence graph (postings, pairs summed once, a heap per node) against the plain one: every
 * pair's similarity summed over its shared terms, each node's strongest neighbours by a full sort.
 */
class SentenceRankerTest {
    private static final String[] WORDS = {"water", "meter", "storm", "drain", "garden", "rooftop", "roof", "city", "heat",
        "island", "cooling", "salary", "pump", "valve", "river", "the", "of", "and", "common", "frequent"};

    @Test
    void graphAgreesWithAllPairsOnRandomDocuments() {
        Random random = new Random(12);
        int edges = 0;
        for (int doc = 0; doc < 60; doc++) {
            // some documents long enough for terms beyond MAX_POSTINGS, whose pairs are not summed
            int count = doc % 6 == 0 ? 300 + random.nextInt(300) : 1 + random.nextInt(80);
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                StringBuilder b = new StringBuilder(random.nextInt(3) == 0 ? "Common frequent" : "A");
                int words = random.nextInt(9);
                for (int w = 0; w < words; w++) {
                    b.append(' ').append(WORDS[random.nextInt(doc % 2 == 0 ? 8 : WORDS.length)]);
                }
                sentences.add(b + ".");
            }
            Analysis a = Analysis.of(Languages.of("en"), sentences);
            boolean[] rankable = new boolean[count];
            for (int s = 0; s < count; s++) {
                rankable[s] = random.nextInt(5) != 0;
            }
            SentenceRanker ranker = new SentenceRanker(a, rankable);
            SentenceRanker.Graph g = ranker.graph();
            SentenceRanker.Graph expected = reference(a, rankable, ranker);
            for (int s = 0; s < count; s++) {
                assertThat(g.neighbours()[s]).as("neighbours of %d in document %d", s, doc).containsExactly(expected.neighbours()[s]);
                assertThat(g.weights()[s]).as("weights of %d", s).containsExactly(expected.weights()[s]);
                edges += g.neighbours()[s].length;
            }
            assertThat(g.outWeight()).containsExactly(expected.outWeight());
        }
        assertThat(edges).isGreaterThan(10_000);
    }

    @Test
    void tiesAcrossTheStrongestAreBrokenByTheLowerId() {
        // 90 copies of one sentence (every pair equally similar) among others: each copy keeps the
        // lowest-numbered copies, and the graph agrees with the plain one
        List<String> sentences = new ArrayList<>();
        for (int s = 0; s < 120; s++) {
            sentences.add(s % 4 == 3 ? "Rooftop garden " + WORDS[s % 15] + " cooling." : "Storm water meters drain the roof.");
        }
        Analysis a = Analysis.of(Languages.of("en"), sentences);
        boolean[] rankable = new boolean[sentences.size()];
        Arrays.fill(rankable, true);
        SentenceRanker ranker = new SentenceRanker(a, rankable);
        SentenceRanker.Graph g = ranker.graph();
        SentenceRanker.Graph expected = reference(a, rankable, ranker);
        for (int s = 0; s < sentences.size(); s++) {
            assertThat(g.neighbours()[s]).as("neighbours of %d", s).containsExactly(expected.neighbours()[s]);
        }
        // a late copy (sentence 118) is among nobody's strongest 20 but keeps the first 20 copies itself
        assertThat(g.neighbours()[118]).startsWith(0, 1, 2, 4, 5, 6, 8);
    }

    /** Every pair summed over its shared terms (those in at most MAX_POSTINGS sentences), both ways. */
    private static SentenceRanker.Graph reference(Analysis a, boolean[] rankable, SentenceRanker ranker) {
        int n = a.sentenceCount();
        boolean[][] edge = new boolean[n][n];
        for (int s = 0; s < n; s++) {
            if (!rankable[s] || a.terms(s).length == 0) {
                continue;
            }
            List<double[]> candidates = new ArrayList<>(); // {similarity, id}
            for (int o = 0; o < n; o++) {
                double sim = o == s || !rankable[o] ? 0 : similarity(a, ranker, s, o);
                if (sim >= 0.05) {
                    candidates.add(new double[] {sim, o});
                }
            }
            candidates.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
            for (double[] c : candidates.subList(0, Math.min(SentenceRanker.MAX_NEIGHBOURS, candidates.size()))) {
                edge[s][(int) c[1]] = true;
                edge[(int) c[1]][s] = true;
            }
        }
        int[][] neighbours = new int[n][];
        float[][] weights = new float[n][];
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            int[] ids = new int[n];
            float[] ws = new float[n];
            int k = 0;
            for (int o = 0; o < n; o++) {
                if (edge[s][o]) {
                    ids[k] = o;
                    ws[k] = (float) similarity(a, ranker, Math.min(s, o), Math.max(s, o));
                    out[s] += ws[k++];
                }
            }
            neighbours[s] = Arrays.copyOf(ids, k);
            weights[s] = Arrays.copyOf(ws, k);
        }
        return new SentenceRanker.Graph(neighbours, weights, out);
    }

    /** Sum over the shared terms found in at most MAX_POSTINGS sentences, in ascending term order, of the weights' products. */
    private static double similarity(Analysis a, SentenceRanker ranker, int x, int y) {
        double dot = 0;
        for (int t = 0; t < a.vocabularySize(); t++) {
            float wx = ranker.weight(x, t);
            float wy = ranker.weight(y, t);
            if (wx != 0 && wy != 0 && a.documentFrequency(t) <= SentenceRanker.MAX_POSTINGS) {
                dot += wx * wy;
            }
        }
        return dot;
    }
}
