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
        double[] idf = new double[analysis.vocabularySize()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = Math.max(Math.log((n + 1.0) / (analysis.documentFrequency(t) + 0.5)), 0.01);
        }
        for (int s = 0; s < n; s++) {
            buildVector(s, idf);
        }
    }

    /** Sentence {@code s}'s TF-IDF vector: its distinct terms ascending, weights normalised. */
    private void buildVector(int s, double[] idf) {
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
            double w = (1 + Math.log(j - i)) * idf[terms[i]];
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

    /** The weight of term {@code t} in sentence {@code s}'s TF-IDF vector (0 when it has none), for tests. */
    float weight(int s, int t) {
        int k = Arrays.binarySearch(vectorTerms[s], t);
        return k < 0 ? 0 : vectorWeights[s][k];
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
            double dangling = spread(g, score, next);
            if (restartAndUpdate(restart, dangling, next, score) < 1e-7) {
                break;
            }
        }
        return score;
    }

    /** One step of the walk along the edges into {@code next}; returns the score of nodes without edges. */
    private static double spread(Graph g, double[] score, double[] next) {
        Arrays.fill(next, 0);
        double dangling = 0;
        for (int s = 0; s < score.length; s++) {
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
        return dangling;
    }

    /** Adds the restarts to the step and makes it the new score; returns how much the score moved. */
    private static double restartAndUpdate(double[] restart, double dangling, double[] next, double[] score) {
        double delta = 0;
        for (int s = 0; s < score.length; s++) {
            double restartMass = restart[s] * (1 - DAMPING + DAMPING * dangling);
            double value = restart[s] == 0 ? 0 : next[s] + restartMass;
            delta += Math.abs(value - score[s]);
            score[s] = value;
        }
        return delta;
    }

    record Graph(int[][] neighbours, float[][] weights, double[] outWeight) {
    }

    /**
     * The similarity graph, each node keeping its strongest neighbours, made symmetric. Similarities
     * are accumulated through the postings, so terms in more than {@link #MAX_POSTINGS} sentences
     * (near-zero IDF) do not contribute to them.
     */
    Graph graph() {
        int n = analysis.sentenceCount();
        Neighbours neighbours = new Neighbours(n);
        for (int s = 0; s < n; s++) {
            neighbours.find(s);
        }
        neighbours.keptStart[n] = neighbours.keptCount;
        return symmetric(n, neighbours.keptStart, neighbours.kept, neighbours.keptWeight);
    }

    /**
     * Each node's kept neighbours (at most {@link #MAX_NEIGHBOURS}), sorted by id, in one flat array.
     * <p>
     * A similarity is a sum over the shared terms in ascending term order of products of two float
     * weights, which come out the same (bit for bit) from either end: so each node sums its pairs
     * with every other node itself and picks its strongest from its own candidates, in arrays that
     * stay in the processor's cache. (Summing each pair once, by its lower-numbered end, and
     * offering it to a heap per node for both ends does half the additions, but sifts the heap of
     * a random node for a fifth of the pairs: a fifth slower on long documents.)
     */
    private final class Neighbours {
        private final int[][] postings = postings();
        private final float[][] postingWeights = postingWeights(postings);
        private final double[] acc;
        private final int[] touched;
        private int touchedCount;
        /** The candidates of the node being looked at: other sentences and their similarities. */
        private final int[] candidateIds;
        private final double[] candidateSims;
        private final int[] candidateBuckets;
        private final int[] histogram = new int[BUCKETS];
        /** The neighbours chosen for the node being looked at. */
        private final int[] chosenIds = new int[MAX_NEIGHBOURS];
        private final double[] chosenSims = new double[MAX_NEIGHBOURS];
        final int[] keptStart;
        int[] kept;
        float[] keptWeight;
        int keptCount;

        Neighbours(int n) {
            acc = new double[n];
            touched = new int[n + 1]; // one past the last: accumulate writes before it counts
            candidateIds = new int[n];
            candidateSims = new double[n];
            candidateBuckets = new int[n];
            keptStart = new int[n + 1];
            kept = new int[Math.max(16, Math.min(n * MAX_NEIGHBOURS, 1 << 20))]; // most nodes keep the maximum
            keptWeight = new float[kept.length];
        }

        /** Finds and keeps the strongest neighbours of {@code s}. */
        void find(int s) {
            keptStart[s] = keptCount;
            if (!rankable[s] || vectorTerms[s].length == 0) {
                return;
            }
            touchedCount = 0;
            for (int k = 0; k < vectorTerms[s].length; k++) {
                int t = vectorTerms[s][k];
                if (postings[t] != null) {
                    accumulate(postings[t], postingWeights[t], vectorWeights[s][k]);
                }
            }
            keep(strongest(s));
        }

        /** Adds one term's share of the similarity of {@code s} to the other sentences holding it. */
        private void accumulate(int[] list, float[] weights, float w) {
            int count = touchedCount;
            for (int p = 0; p < list.length; p++) {
                int other = list[p];
                double sum = acc[other];
                touched[count] = other; // kept only when new: no branch to mispredict
                count += sum == 0 ? 1 : 0;
                acc[other] = sum + w * weights[p];
            }
            touchedCount = count;
        }

        /**
         * Puts the {@link #MAX_NEIGHBOURS} strongest sentences touched and similar enough (ties to
         * the lower id) into {@code chosenIds/chosenSims}, clearing the sums; returns how many.
         * <p>
         * Not a heap over all candidates: its sift steps take unpredictable branches, and a node
         * has hundreds of candidates in a long document. Instead a histogram of the similarities
         * (monotone buckets) tells the bucket the weakest kept one falls in; the candidates above it
         * are kept outright and only that bucket's go through a heap, for the places left.
         */
        private int strongest(int s) {
            int count = 0;
            for (int t = 0; t < touchedCount; t++) { // without branches: a third of the touched are kept, unpredictably
                int other = touched[t];
                double sim = acc[other];
                acc[other] = 0;
                int kept = other != s & sim >= MIN_SIMILARITY ? 1 : 0;
                int b = bucket(sim);
                candidateIds[count] = other;
                candidateSims[count] = sim;
                candidateBuckets[count] = b;
                histogram[b] += kept;
                count += kept;
            }
            if (count <= MAX_NEIGHBOURS) {
                for (int c = 0; c < count; c++) {
                    histogram[candidateBuckets[c]] = 0;
                }
                System.arraycopy(candidateIds, 0, chosenIds, 0, count);
                System.arraycopy(candidateSims, 0, chosenSims, 0, count);
                return count;
            }
            int boundary = BUCKETS - 1;
            int above = 0; // candidates in the buckets above the boundary: all kept
            while (above + histogram[boundary] < MAX_NEIGHBOURS) {
                above += histogram[boundary--];
            }
            Arrays.fill(histogram, 0);
            int size = 0;
            int places = MAX_NEIGHBOURS - above; // for the boundary bucket's strongest: a min-heap after the others
            int inHeap = 0;
            for (int c = 0; c < count; c++) {
                int b = candidateBuckets[c];
                if (b > boundary) {
                    chosenIds[size] = candidateIds[c];
                    chosenSims[size++] = candidateSims[c];
                } else if (b == boundary) {
                    int other = candidateIds[c];
                    double sim = candidateSims[c];
                    if (inHeap < places) {
                        siftUp(chosenIds, chosenSims, above, inHeap++, other, sim);
                    } else if (weaker(chosenIds[above], chosenSims[above], other, sim)) {
                        siftDown(chosenIds, chosenSims, above, inHeap, other, sim);
                    }
                }
            }
            return MAX_NEIGHBOURS;
        }

        /** Appends the {@code size} neighbours chosen, sorted by id. */
        private void keep(int size) {
            if (keptCount + size > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptCount + size));
                keptWeight = Arrays.copyOf(keptWeight, kept.length);
            }
            for (int q = 0; q < size; q++) { // insertion sort by id: at most MAX_NEIGHBOURS
                int id = chosenIds[q];
                float w = (float) chosenSims[q];
                int at = keptCount + q;
                while (at > keptCount && kept[at - 1] > id) {
                    kept[at] = kept[at - 1];
                    keptWeight[at] = keptWeight[at - 1];
                    at--;
                }
                kept[at] = id;
                keptWeight[at] = w;
            }
            keptCount += size;
        }
    }

    /**
     * The symmetric graph: an edge kept by either end is an edge of both, with the weight its
     * lower-numbered end computed when that end kept it, else the other end's. Neighbours are in
     * ascending order and out-weights are summed in that order.
     */
    private static Graph symmetric(int n, int[] keptStart, int[] kept, float[] keptWeight) {
        // who kept each node, in ascending order of the keeper
        int[] byStart = keeperStarts(n, keptStart, kept);
        int[] by = new int[keptStart[n]];
        float[] byWeight = new float[keptStart[n]];
        keepers(n, keptStart, kept, keptWeight, byStart, by, byWeight);
        Graph g = new Graph(new int[n][], new float[n][], new double[n]);
        int[] ids = new int[16];
        float[] ws = new float[16];
        for (int x = 0; x < n; x++) {
            int size = keptStart[x + 1] - keptStart[x] + byStart[x + 1] - byStart[x];
            if (ids.length < size) {
                ids = new int[size];
                ws = new float[size];
            }
            int count = merge(x, kept, keptWeight, keptStart[x], keptStart[x + 1], by, byWeight, byStart[x], byStart[x + 1], ids, ws);
            g.neighbours[x] = Arrays.copyOf(ids, count);
            g.weights[x] = Arrays.copyOf(ws, count);
            double out = 0;
            for (int k = 0; k < count; k++) {
                out += ws[k];
            }
            g.outWeight[x] = out;
        }
        return g;
    }

    /** Where each node's keepers start in the list of keepers by node. */
    private static int[] keeperStarts(int n, int[] keptStart, int[] kept) {
        int[] byStart = new int[n + 1];
        for (int e = 0; e < keptStart[n]; e++) {
            byStart[kept[e] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            byStart[s + 1] += byStart[s];
        }
        return byStart;
    }

    /** Fills {@code by} (and the weights) with each node's keepers, in ascending order of the keeper. */
    private static void keepers(int n, int[] keptStart, int[] kept, float[] keptWeight, int[] byStart, int[] by,
            float[] byWeight) {
        int[] fill = Arrays.copyOf(byStart, n);
        for (int s = 0; s < n; s++) {
            for (int e = keptStart[s]; e < keptStart[s + 1]; e++) {
                int at = fill[kept[e]]++;
                by[at] = s;
                byWeight[at] = keptWeight[e];
            }
        }
    }

    /**
     * Node {@code x}'s edges into {@code ids} and {@code ws}, ascending: those it kept
     * ({@code kept[i..iEnd)}) merged with those that kept it ({@code by[j..jEnd)}); returns how many.
     */
    private static int merge(int x, int[] kept, float[] keptWeight, int i, int iEnd, int[] by, float[] byWeight, int j,
            int jEnd, int[] ids, float[] ws) {
        int count = 0;
        while (i < iEnd || j < jEnd) {
            int mine = i < iEnd ? kept[i] : Integer.MAX_VALUE;
            int theirs = j < jEnd ? by[j] : Integer.MAX_VALUE;
            if (mine == theirs) { // kept by both ends: the lower-numbered end's weight
                ids[count] = mine;
                ws[count++] = x < mine ? keptWeight[i] : byWeight[j];
                i++;
                j++;
            } else if (mine < theirs) {
                ids[count] = mine;
                ws[count++] = keptWeight[i++];
            } else {
                ids[count] = theirs;
                ws[count++] = byWeight[j++];
            }
        }
        return count;
    }

    /** Similarity buckets of {@code strongest}: 1/256 wide, the last one holding 255/256 and above. */
    private static final int BUCKETS = 256;

    /** The bucket of a similarity (at least 0): monotone, so a higher bucket means a higher similarity. */
    private static int bucket(double sim) {
        return Math.min(BUCKETS - 1, (int) (sim * BUCKETS));
    }

    /** Whether neighbour a (similarity sa) ranks below b: lower similarity, or the same and a higher id. */
    private static boolean weaker(int a, double sa, int b, double sb) {
        return sa < sb || (sa == sb && a > b);
    }

    /**
     * Puts (id, sim) into the min-heap at {@code base} in the free slot {@code i} (its size), moving
     * stronger parents down into the hole until its place is found.
     */
    private static void siftUp(int[] ids, double[] sims, int base, int i, int id, double sim) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!weaker(id, sim, ids[base + parent], sims[base + parent])) {
                break;
            }
            put(ids, sims, base + i, ids[base + parent], sims[base + parent]);
            i = parent;
        }
        put(ids, sims, base + i, id, sim);
    }

    /**
     * Replaces the top of the min-heap of {@code size} entries at {@code base} by (id, sim),
     * moving weaker children up into the hole until its place is found.
     */
    private static void siftDown(int[] ids, double[] sims, int base, int size, int id, double sim) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && weaker(ids[base + child + 1], sims[base + child + 1], ids[base + child], sims[base + child])) {
                child++;
            }
            if (!weaker(ids[base + child], sims[base + child], id, sim)) {
                break;
            }
            put(ids, sims, base + i, ids[base + child], sims[base + child]);
            i = child;
        }
        put(ids, sims, base + i, id, sim);
    }

    private static void put(int[] ids, double[] sims, int at, int id, double sim) {
        ids[at] = id;
        sims[at] = sim;
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
