package dev.pdfvariants.text.nlp;

import java.util.List;

/**
 * A key term or key phrase of a document.
 *
 * @param text      as it is usually written in the document
 * @param stems     the stems it is made of (its identity)
 * @param score     the YAKE score: lower is more relevant
 * @param relevance 0..1, 1 for the most relevant of the document
 * @param count     occurrences in the document
 */
public record Keyword(String text, List<String> stems, double score, double relevance, int count) {
    public Keyword {
        stems = List.copyOf(stems);
    }

    public int words() {
        return stems.size();
    }
}
