package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.pdfvariants.text.nlp.SentenceRanker;

/**
 * Picks the key sentences of a document or of one section from the shared ranking: best score
 * first, skipping a sentence that says nearly the same as one already picked.
 */
public final class KeySentences {
    /** Above this cosine similarity a sentence repeats one already picked. */
    static final double REDUNDANT = 0.6;

    private KeySentences() {
    }

    /** Up to {@code n} prose sentences of the whole document, best first. */
    public static List<Sentence> top(TextModel model, int n) {
        return top(model, 0, model.sentences().size(), n);
    }

    /** Up to {@code n} prose sentences of a section, best first. */
    public static List<Sentence> top(TextModel model, Section section, int n) {
        return top(model, section.from(), section.to(), n);
    }

    private static List<Sentence> top(TextModel model, int from, int to, int n) {
        return pick(model, candidates(model, model.sentenceScores(), from, to), n);
    }

    /** The prose sentences in {@code [from, to)} with a score, best first. */
    private static BestFirst candidates(TextModel model, double[] scores, int from, int to) {
        int[] candidates = new int[Math.max(0, to - from)];
        int count = 0;
        for (int i = from; i < to; i++) {
            if (model.sentences().get(i).prose() && scores[i] > 0) {
                candidates[count++] = i;
            }
        }
        return new BestFirst(scores, candidates, count);
    }

    /** Up to {@code n} of them, best first, skipping those that repeat one already picked. */
    private static List<Sentence> pick(TextModel model, BestFirst best, int n) {
        SentenceRanker ranker = model.ranker();
        List<Sentence> picked = new ArrayList<>();
        while (picked.size() < n && best.hasNext()) {
            Sentence s = model.sentences().get(best.next());
            boolean redundant = false;
            for (Sentence p : picked) {
                if (ranker.similarity(s.index(), p.index()) > REDUNDANT) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) {
                picked.add(s);
            }
        }
        return picked;
    }

    /**
     * Sentence indexes by descending score, ties in document order: a heap, so that taking the
     * few best of thousands costs little more than reading their scores (the order a full sort
     * with that comparator would give).
     */
    static final class BestFirst {
        private final double[] scores;
        private final int[] heap;
        private int size;

        BestFirst(double[] scores, int[] candidates, int count) {
            this.scores = scores;
            this.heap = candidates;
            this.size = count;
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        boolean hasNext() {
            return size > 0;
        }

        int next() {
            int best = heap[0];
            heap[0] = heap[--size];
            siftDown(0);
            return best;
        }

        /** Sentence a comes before sentence b. */
        private boolean before(int a, int b) {
            return scores[a] > scores[b] || scores[a] == scores[b] && a < b;
        }

        private void siftDown(int i) {
            while (true) {
                int first = i;
                int left = 2 * i + 1;
                if (left < size && before(heap[left], heap[first])) {
                    first = left;
                }
                if (left + 1 < size && before(heap[left + 1], heap[first])) {
                    first = left + 1;
                }
                if (first == i) {
                    return;
                }
                int t = heap[i];
                heap[i] = heap[first];
                heap[first] = t;
                i = first;
            }
        }
    }

    /** The same sentences in document order. */
    public static List<Sentence> inOrder(List<Sentence> sentences) {
        List<Sentence> sorted = new ArrayList<>(sentences);
        sorted.sort(Comparator.comparingInt(Sentence::index));
        return sorted;
    }

    /** Scores scaled to 0..1 (the document's best sentence is 1), rounded to 3 decimals. */
    public static double[] normalised(TextModel model) {
        double[] scores = model.sentenceScores();
        double max = Arrays.stream(scores).max().orElse(0);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max > 0 ? Math.round(scores[i] / max * 1000) / 1000.0 : 0;
        }
        return scores;
    }
}
