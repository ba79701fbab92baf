package dev.pdfvariants.text.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens of every sentence of a document, tokenised once, and the content terms (stems of
 * non-stopwords) as integer ids with their document frequencies: the shared input of sentence
 * ranking and keyword extraction.
 */
public final class Analysis {
    /** Numbers every analysis, so that a word remembers which analysis numbered its stem ({@link Tokenizer.Word}). */
    private static final AtomicLong SERIALS = new AtomicLong();

    private final Language language;
    private final List<String> sentences;
    private final int[][] terms;
    private final List<String> vocabulary;
    private final int[] documentFrequency;
    private final Tokens tokens;
    /** The stems by number. */
    private final List<Stem> stems;
    /** Every stem by its text, with its content-term id when it is one. */
    private final Map<String, Stem> stemsByText;

    /**
     * Every token of the document, sentence after sentence, in flat arrays: where sentence
     * {@code s}'s tokens start ({@code start[s]}, up to {@code start[s + 1]}), and for each its
     * stem number, its span in the sentence, and its {@link Token#kinds} with {@link Token#BREAK_BEFORE}
     * and {@link Token#STOP}. No token object is made unless {@link #tokens(int)} asks for one.
     */
    record Tokens(int[] start, int[] stems, int[] from, int[] to, byte[] flags) {
    }

    private Analysis(Language language, List<String> sentences, int[][] terms, List<String> vocabulary,
            int[] df, Tokens tokens, List<Stem> stems, Map<String, Stem> stemsByText) {
        this.language = language;
        this.sentences = List.copyOf(sentences);
        this.terms = terms;
        this.vocabulary = vocabulary;
        this.documentFrequency = df;
        this.tokens = tokens;
        this.stems = stems;
        this.stemsByText = stemsByText;
    }

    /** Tokenises every sentence once. */
    public static Analysis of(Language language, List<String> sentences) {
        Builder builder = new Builder(sentences.size());
        Tokenizer tokenizer = new Tokenizer(language);
        for (int s = 0; s < sentences.size(); s++) {
            builder.sentence(s);
            tokenizer.scan(sentences.get(s), builder);
        }
        return builder.build(language, sentences);
    }

    /** A stem of the document: its text, its number among all stems, and among content terms once it has been one. */
    static final class Stem {
        final String text;
        final int id;
        int term = -1;

        Stem(String text, int id) {
            this.text = text;
            this.id = id;
        }
    }

    /** Tokens and term ids sentence by sentence, as the tokenizer reports them (small methods: units for the JIT). */
    private static final class Builder implements Tokenizer.Sink {
        private final long serial = SERIALS.incrementAndGet();
        /** Every stem seen, by its text; a word seen before in this document finds its stem by the number it keeps. */
        private final Map<String, Stem> stems = new HashMap<>();
        /** The stems by number. */
        private final List<Stem> stemsById = new ArrayList<>();
        private final List<String> vocabulary = new ArrayList<>();
        private final int[] tokenStart;
        private final int[] termStart;
        private int tokenCount;
        private int[] tokenStems = new int[1024];
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private byte[] flags = new byte[1024];
        private int termCount;
        private int[] terms = new int[512];
        private int[] df = new int[256];
        private int[] lastSeen = new int[256]; // sentence index + 1 where the term was last counted
        private int sentence;

        Builder(int sentences) {
            this.tokenStart = new int[sentences + 1];
            this.termStart = new int[sentences + 1];
        }

        /** The tokens reported next are sentence {@code s}'s. */
        void sentence(int s) {
            sentence = s;
            tokenStart[s] = tokenCount;
            termStart[s] = termCount;
        }

        @Override
        public void token(Tokenizer.Word word, String text, String stem, boolean stop, byte kinds, int start, int end,
                boolean breakBefore) {
            if (tokenCount == tokenStems.length) {
                growTokens();
            }
            Stem numbered = word != null ? stem(word) : stem(stem);
            int k = tokenCount++;
            tokenStems[k] = numbered.id;
            from[k] = start;
            to[k] = end;
            flags[k] = (byte) (kinds | (breakBefore ? Token.BREAK_BEFORE : 0) | (stop ? Token.STOP : 0));
            if ((kinds & Token.CONTENT) != 0) {
                if (termCount == terms.length) {
                    terms = Arrays.copyOf(terms, terms.length * 2);
                }
                terms[termCount++] = count(numbered, stem);
            }
        }

        private void growTokens() {
            int size = tokenStems.length * 2;
            tokenStems = Arrays.copyOf(tokenStems, size);
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
            flags = Arrays.copyOf(flags, size);
        }

        /**
         * The stem of a word the tokenizer knows: looked up by its text the first time this document
         * meets the word, then by the number the word keeps (a number, not the stem: the words outlive
         * the document, and a reference from them would keep its stems alive).
         */
        private Stem stem(Tokenizer.Word word) {
            if (word.analysis != serial) {
                word.stemNumber = stem(word.stem).id;
                word.analysis = serial;
            }
            return stemsById.get(word.stemNumber);
        }

        private Stem stem(String text) {
            Stem stem = stems.get(text);
            if (stem == null) {
                stem = new Stem(text, stemsById.size());
                stems.put(text, stem);
                stemsById.add(stem);
            }
            return stem;
        }

        /** The id of a content term, counting the current sentence into its document frequency. */
        private int count(Stem stem, String text) {
            if (stem.term < 0) {
                stem.term = vocabulary.size();
                vocabulary.add(text);
                if (stem.term >= df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                    lastSeen = Arrays.copyOf(lastSeen, lastSeen.length * 2);
                }
            }
            int id = stem.term;
            if (lastSeen[id] != sentence + 1) {
                lastSeen[id] = sentence + 1;
                df[id]++;
            }
            return id;
        }

        Analysis build(Language language, List<String> sentences) {
            int n = sentences.size();
            tokenStart[n] = tokenCount;
            termStart[n] = termCount;
            Tokens tokens = new Tokens(tokenStart, Arrays.copyOf(tokenStems, tokenCount), Arrays.copyOf(from, tokenCount),
                    Arrays.copyOf(to, tokenCount), Arrays.copyOf(flags, tokenCount));
            int[][] sentenceTerms = new int[n][];
            for (int s = 0; s < n; s++) {
                sentenceTerms[s] = Arrays.copyOfRange(terms, termStart[s], termStart[s + 1]);
            }
            return new Analysis(language, sentences, sentenceTerms, List.copyOf(vocabulary),
                    Arrays.copyOf(df, vocabulary.size()), tokens, List.copyOf(stemsById), stems);
        }
    }

    public Language language() {
        return language;
    }

    public int sentenceCount() {
        return sentences.size();
    }

    /** The text of sentence {@code s}; token offsets point into it. */
    public String text(int s) {
        return sentences.get(s);
    }

    /** The tokens of sentence {@code s}, made from the flat arrays (for callers that want token objects). */
    public List<Token> tokens(int s) {
        String sentence = sentences.get(s);
        List<Token> list = new ArrayList<>(tokens.start[s + 1] - tokens.start[s]);
        for (int k = tokens.start[s]; k < tokens.start[s + 1]; k++) {
            byte f = tokens.flags[k];
            list.add(new Token(sentence.substring(tokens.from[k], tokens.to[k]), stems.get(tokens.stems[k]).text,
                    (f & Token.STOP) != 0, tokens.from[k], tokens.to[k], (f & Token.BREAK_BEFORE) != 0,
                    (byte) (f & Token.KINDS)));
        }
        return list;
    }

    /** The document's tokens in flat arrays. */
    Tokens tokens() {
        return tokens;
    }

    /** The content-term ids of sentence {@code s}, in order, repeats included (not to be modified). */
    public int[] terms(int s) {
        return terms[s];
    }

    public String term(int id) {
        return vocabulary.get(id);
    }

    /** The id of a content term given its stem, or -1 when no sentence holds it as a content term. */
    public int termId(String stem) {
        Stem found = stemsByText.get(stem);
        return found == null ? -1 : found.term;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** How many different stems the tokens have (content terms and the others). */
    int stemCount() {
        return stems.size();
    }

    /** The stem numbered {@code id} in {@link Tokens#stems}. */
    String stem(int id) {
        return stems.get(id).text;
    }

    /** In how many sentences a term occurs. */
    public int documentFrequency(int id) {
        return documentFrequency[id];
    }
}
