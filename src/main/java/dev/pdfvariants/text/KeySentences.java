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
        double[] scores = model.sentenceScores();
        List<Sentence> candidates = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Sentence s = model.sentences().get(i);
            if (s.prose() && scores[i] > 0) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.comparingDouble((Sentence s) -> -scores[s.index()]).thenComparingInt(Sentence::index));
        SentenceRanker ranker = model.ranker();
        List<Sentence> picked = new ArrayList<>();
        for (Sentence s : candidates) {
            if (picked.size() >= n) {
                break;
            }
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
