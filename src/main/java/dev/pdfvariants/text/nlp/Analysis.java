package dev.pdfvariants.text.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of every sentence of a document, tokenised once, and the content terms (stems of
 * non-stopwords) as integer ids with their document frequencies: the shared input of sentence
 * ranking and keyword extraction.
 */
public final class Analysis {
    private final Language language;
    private final List<String> sentences;
    private final List<List<Token>> tokens;
    private final int[][] terms;
    private final List<String> vocabulary;
    private final int[] documentFrequency;
    private final int[][] tokenStems;
    private final List<String> stems;
    private final Map<String, Integer> termIds;

    private Analysis(Language language, List<String> sentences, List<List<Token>> tokens, int[][] terms,
            List<String> vocabulary, int[] df, int[][] tokenStems, List<String> stems, Map<String, Integer> termIds) {
        this.language = language;
        this.sentences = List.copyOf(sentences);
        this.tokens = tokens;
        this.terms = terms;
        this.vocabulary = vocabulary;
        this.documentFrequency = df;
        this.tokenStems = tokenStems;
        this.stems = stems;
        this.termIds = termIds;
    }

    /** Tokenises every sentence once. */
    public static Analysis of(Language language, List<String> sentences) {
        Builder builder = new Builder(new Tokenizer(language), sentences.size());
        for (int s = 0; s < sentences.size(); s++) {
            builder.add(s, sentences.get(s));
        }
        return builder.build(language, sentences);
    }

    /** Tokens and term ids sentence by sentence (a method per sentence: small units for the JIT). */
    private static final class Builder {
        private final Tokenizer tokenizer;
        /** Every stem seen: its number among all stems, and among content terms once it has been one. */
        private final Map<String, Stem> stems = new HashMap<>();
        private final List<String> stemList = new ArrayList<>();
        private final List<String> vocabulary = new ArrayList<>();
        private final List<List<Token>> tokens;
        private final int[][] terms;
        private final int[][] tokenStems;
        private int[] df = new int[256];
        private int[] lastSeen = new int[256]; // sentence index + 1 where the term was last counted

        private static final class Stem {
            final int id;
            int term = -1;

            Stem(int id) {
                this.id = id;
            }
        }

        Builder(Tokenizer tokenizer, int sentences) {
            this.tokenizer = tokenizer;
            this.tokens = new ArrayList<>(sentences);
            this.terms = new int[sentences][];
            this.tokenStems = new int[sentences][];
        }

        void add(int s, String sentence) {
            List<Token> sentenceTokens = tokenizer.tokens(sentence);
            tokens.add(sentenceTokens);
            int[] ts = new int[sentenceTokens.size()];
            int[] ids = new int[sentenceTokens.size()];
            int n = 0;
            for (int k = 0; k < ids.length; k++) {
                Token t = sentenceTokens.get(k);
                Stem stem = stem(t.stem());
                ids[k] = stem.id;
                if (t.content()) {
                    ts[n++] = count(s, stem, t.stem());
                }
            }
            terms[s] = Arrays.copyOf(ts, n);
            tokenStems[s] = ids;
        }

        private Stem stem(String text) {
            Stem stem = stems.get(text);
            if (stem == null) {
                stem = new Stem(stemList.size());
                stems.put(text, stem);
                stemList.add(text);
            }
            return stem;
        }

        /** The id of a content term, counting sentence {@code s} into its document frequency. */
        private int count(int s, Stem stem, String text) {
            if (stem.term < 0) {
                stem.term = vocabulary.size();
                vocabulary.add(text);
                if (stem.term >= df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                    lastSeen = Arrays.copyOf(lastSeen, lastSeen.length * 2);
                }
            }
            int id = stem.term;
            if (lastSeen[id] != s + 1) {
                lastSeen[id] = s + 1;
                df[id]++;
            }
            return id;
        }

        Analysis build(Language language, List<String> sentences) {
            Map<String, Integer> termIds = new HashMap<>();
            stems.forEach((text, stem) -> {
                if (stem.term >= 0) {
                    termIds.put(text, stem.term);
                }
            });
            return new Analysis(language, sentences, tokens, terms, List.copyOf(vocabulary),
                    Arrays.copyOf(df, vocabulary.size()), tokenStems, List.copyOf(stemList), termIds);
        }
    }

    public Language language() {
        return language;
    }

    public int sentenceCount() {
        return terms.length;
    }

    /** The text of sentence {@code s}; token offsets point into it. */
    public String text(int s) {
        return sentences.get(s);
    }

    /** The tokens of sentence {@code s}. */
    public List<Token> tokens(int s) {
        return tokens.get(s);
    }

    /** The content-term ids of sentence {@code s}, in order, repeats included. */
    public int[] terms(int s) {
        return terms[s];
    }

    public String term(int id) {
        return vocabulary.get(id);
    }

    /** The id of a content term given its stem, or -1 when no sentence holds it as a content term. */
    public int termId(String stem) {
        return termIds.getOrDefault(stem, -1);
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** The stem of every token of sentence {@code s} (stopwords and numbers included), as a stem number. */
    int[] tokenStems(int s) {
        return tokenStems[s];
    }

    /** How many different stems the tokens have (content terms and the others). */
    int stemCount() {
        return stems.size();
    }

    /** The stem numbered {@code id} by {@link #tokenStems}. */
    String stem(int id) {
        return stems.get(id);
    }

    /** In how many sentences a term occurs. */
    public int documentFrequency(int id) {
        return documentFrequency[id];
    }
}
