package dev.pdfvariants.text.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Graph ranking of sentences (the TextRank / LexRank family): sentences are nodes, edges weigh the
 * cosine similarity of their TF-IDF vectors, and scores are the stationary distribution of a
 * random walk that restarts according to a bias vector (position and section bias; uniform for
 * plain TextRank).
 * <p>
 * Cost is bounded for long documents: vectors are sparse, similar pairs are found through an
 * inverted index that skips terms occurring in more than {@link #MAX_POSTINGS} sentences (their
 * IDF is near zero anyway), and each node keeps only its {@link #MAX_NEIGHBOURS} most similar
 * neighbours. So a 10,000-sentence document never builds the 10⁸ pairs of the full graph.
 */
public final class SentenceRanker {
    static final int MAX_POSTINGS = 250;
    static final int MAX_NEIGHBOURS = 20;
    private static final double MIN_SIMILARITY = 0.05;
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 60;

    private final Analysis analysis;
    private final boolean[] rankable;
    private final int[][] vectorTerms;
    private final float[][] vectorWeights;

    /**
     * @param analysis the document's tokens
     * @param rankable which sentences take part (prose sentences); the others score 0
     */
    public SentenceRanker(Analysis analysis, boolean[] rankable) {
        this.analysis = analysis;
        this.rankable = rankable.clone();
        int n = analysis.sentenceCount();
        this.vectorTerms = new int[n][];
        this.vectorWeights = new float[n][];
        buildVectors();
    }

    private void buildVectors() {
        int n = analysis.sentenceCount();
        for (int s = 0; s < n; s++) {
            int[] terms = analysis.terms(s).clone();
            Arrays.sort(terms);
            int distinct = 0;
            int[] ids = new int[terms.length];
            float[] weights = new float[terms.length];
            double norm = 0;
            for (int i = 0; i < terms.length; ) {
                int j = i;
                while (j < terms.length && terms[j] == terms[i]) {
                    j++;
                }
                double idf = Math.log((n + 1.0) / (analysis.documentFrequency(terms[i]) + 0.5));
                double w = (1 + Math.log(j - i)) * Math.max(idf, 0.01);
                ids[distinct] = terms[i];
                weights[distinct++] = (float) w;
                norm += w * w;
                i = j;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < distinct; i++) {
                weights[i] = (float) (weights[i] / (norm == 0 ? 1 : norm));
            }
            vectorTerms[s] = Arrays.copyOf(ids, distinct);
            vectorWeights[s] = Arrays.copyOf(weights, distinct);
        }
    }

    /** Cosine similarity of two sentences' TF-IDF vectors. */
    public double similarity(int a, int b) {
        int[] ta = vectorTerms[a];
        int[] tb = vectorTerms[b];
        double dot = 0;
        for (int i = 0, j = 0; i < ta.length && j < tb.length; ) {
            if (ta[i] == tb[j]) {
                dot += vectorWeights[a][i++] * vectorWeights[b][j++];
            } else if (ta[i] < tb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /**
     * Scores every sentence; non-rankable ones get 0. Scores of rankable sentences sum to 1.
     *
     * @param bias restart weights per sentence (need not be normalised), or null for uniform
     */
    public double[] rank(double[] bias) {
        int n = analysis.sentenceCount();
        double[] restart = new double[n];
        double total = 0;
        for (int s = 0; s < n; s++) {
            if (rankable[s] && vectorTerms[s].length > 0) {
                restart[s] = bias == null ? 1 : Math.max(bias[s], 1e-9);
                total += restart[s];
            }
        }
        if (total == 0) {
            return restart;
        }
        for (int s = 0; s < n; s++) {
            restart[s] /= total;
        }
        Graph g = graph();
        double[] score = restart.clone();
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(next, 0);
            double dangling = 0;
            for (int s = 0; s < n; s++) {
                if (score[s] == 0) {
                    continue;
                }
                if (g.outWeight[s] == 0) {
                    dangling += score[s];
                    continue;
                }
                int[] to = g.neighbours[s];
                float[] w = g.weights[s];
                double share = DAMPING * score[s] / g.outWeight[s];
                for (int k = 0; k < to.length; k++) {
                    next[to[k]] += share * w[k];
                }
            }
            double delta = 0;
            for (int s = 0; s < n; s++) {
                double restartMass = restart[s] * (1 - DAMPING + DAMPING * dangling);
                double value = restart[s] == 0 ? 0 : next[s] + restartMass;
                delta += Math.abs(value - score[s]);
                score[s] = value;
            }
            if (delta < 1e-7) {
                break;
            }
        }
        return score;
    }

    private record Graph(int[][] neighbours, float[][] weights, double[] outWeight) {
    }

    /**
     * The similarity graph, each node keeping its strongest neighbours, made symmetric. Similarities
     * are accumulated through the postings, so terms in more than {@link #MAX_POSTINGS} sentences
     * (near-zero IDF) do not contribute to them.
     */
    private Graph graph() {
        int n = analysis.sentenceCount();
        int[][] postings = postings();
        float[][] postingWeights = postingWeights(postings);
        double[] acc = new double[n];
        int[] touched = new int[n];
        long[] edges = new long[16];
        float[] edgeWeights = new float[16];
        int edgeCount = 0;
        int[] best = new int[MAX_NEIGHBOURS];
        double[] bestSim = new double[MAX_NEIGHBOURS];
        for (int s = 0; s < n; s++) {
            if (!rankable[s] || vectorTerms[s].length == 0) {
                continue;
            }
            int touchedCount = 0;
            for (int k = 0; k < vectorTerms[s].length; k++) {
                int[] list = postings[vectorTerms[s][k]];
                if (list == null) {
                    continue;
                }
                float[] weights = postingWeights[vectorTerms[s][k]];
                float w = vectorWeights[s][k];
                for (int p = 0; p < list.length; p++) {
                    int other = list[p];
                    if (other != s) {
                        if (acc[other] == 0) {
                            touched[touchedCount++] = other;
                        }
                        acc[other] += w * weights[p];
                    }
                }
            }
            int size = 0;
            int weakest = -1;
            for (int t = 0; t < touchedCount; t++) {
                int other = touched[t];
                double sim = acc[other];
                acc[other] = 0;
                if (sim < MIN_SIMILARITY) {
                    continue;
                }
                if (size < MAX_NEIGHBOURS) {
                    best[size] = other;
                    bestSim[size++] = sim;
                    if (size == MAX_NEIGHBOURS) {
                        weakest = weakest(best, bestSim, size);
                    }
                    continue;
                }
                if (sim > bestSim[weakest] || (sim == bestSim[weakest] && other < best[weakest])) {
                    best[weakest] = other;
                    bestSim[weakest] = sim;
                    weakest = weakest(best, bestSim, size);
                }
            }
            for (int q = 0; q < size; q++) {
                if (edgeCount == edges.length) {
                    edges = Arrays.copyOf(edges, edgeCount * 2);
                    edgeWeights = Arrays.copyOf(edgeWeights, edgeCount * 2);
                }
                int a = Math.min(s, best[q]);
                int b = Math.max(s, best[q]);
                edges[edgeCount] = ((long) a << 32) | b;
                edgeWeights[edgeCount++] = (float) bestSim[q];
            }
        }
        // symmetric adjacency: an edge kept by either end is an edge of both (sorted: deterministic)
        Integer[] order = new Integer[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            order[e] = e;
        }
        final long[] keys = edges;
        Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        int[] degree = new int[n];
        long previous = -1;
        for (Integer e : order) {
            if (keys[e] != previous) {
                degree[(int) (keys[e] >>> 32)]++;
                degree[(int) keys[e]]++;
                previous = keys[e];
            }
        }
        int[][] neighbours = new int[n][];
        float[][] weights = new float[n][];
        for (int s = 0; s < n; s++) {
            neighbours[s] = new int[degree[s]];
            weights[s] = new float[degree[s]];
        }
        int[] fill = new int[n];
        double[] out = new double[n];
        previous = -1;
        for (Integer e : order) {
            if (keys[e] == previous) {
                continue;
            }
            previous = keys[e];
            int a = (int) (keys[e] >>> 32);
            int b = (int) keys[e];
            float w = edgeWeights[e];
            neighbours[a][fill[a]] = b;
            weights[a][fill[a]++] = w;
            neighbours[b][fill[b]] = a;
            weights[b][fill[b]++] = w;
            out[a] += w;
            out[b] += w;
        }
        return new Graph(neighbours, weights, out);
    }

    private static int weakest(int[] best, double[] bestSim, int size) {
        int weakest = 0;
        for (int q = 1; q < size; q++) {
            if (bestSim[q] < bestSim[weakest] || (bestSim[q] == bestSim[weakest] && best[q] > best[weakest])) {
                weakest = q;
            }
        }
        return weakest;
    }

    /** The weight each posting's sentence gives the term, aligned with {@code postings}. */
    private float[][] postingWeights(int[][] postings) {
        float[][] weights = new float[postings.length][];
        int[] fill = new int[postings.length];
        for (int t = 0; t < postings.length; t++) {
            if (postings[t] != null) {
                weights[t] = new float[postings[t].length];
            }
        }
        for (int s = 0; s < vectorTerms.length; s++) {
            if (!rankable[s]) {
                continue;
            }
            for (int k = 0; k < vectorTerms[s].length; k++) {
                int t = vectorTerms[s][k];
                if (weights[t] != null && fill[t] < weights[t].length) {
                    weights[t][fill[t]++] = vectorWeights[s][k];
                }
            }
        }
        return weights;
    }

    /** Term id to the rankable sentences containing it; null for terms in too many sentences. */
    private int[][] postings() {
        int[][] postings = new int[analysis.vocabularySize()][];
        int[] fill = new int[analysis.vocabularySize()];
        for (int s = 0; s < vectorTerms.length; s++) {
            if (!rankable[s]) {
                continue;
            }
            for (int t : vectorTerms[s]) {
                if (analysis.documentFrequency(t) > MAX_POSTINGS) {
                    continue;
                }
                if (postings[t] == null) {
                    postings[t] = new int[analysis.documentFrequency(t)];
                }
                postings[t][fill[t]++] = s;
            }
        }
        for (int t = 0; t < postings.length; t++) {
            if (postings[t] != null && fill[t] < postings[t].length) {
                postings[t] = Arrays.copyOf(postings[t], fill[t]);
            }
        }
        return postings;
    }
}
