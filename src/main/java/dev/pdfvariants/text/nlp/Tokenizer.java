package dev.pdfvariants.text.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tartarus.snowball.SnowballStemmer;

/**
 * Splits sentences into tokens for one language: words (letters and digits, keeping inner
 * apostrophes and hyphens) with the language's stopwords marked and stems from its Snowball
 * stemmer; runs of Han, kana or Hangul become overlapping character bigrams (a one-character run
 * stays a unigram), which is how CJK text is indexed without a dictionary.
 * <p>
 * One instance per document (the stemmer is not thread-safe), used on its document's thread, which
 * keeps each word seen as written (stem and stopword flag) for the thread's next documents; stems
 * are also cached for the whole run,
 * by language, since words repeat within and across documents.
 */
public final class Tokenizer {
    /** Chinese function characters: a bigram holding one carries little meaning. */
    private static final String ZH_FUNCTION = "的了是在和与及或之其这那也就都而并对于以为被把个中上下有将从到";

    /** Stems by language, shared by every document of the run: stemming is a pure function of the word. */
    private static final Map<String, Map<String, String>> SHARED_STEMS = new ConcurrentHashMap<>();
    /** Words per language kept in the shared cache at most. */
    private static final int SHARED_LIMIT = 200_000;

    private final Language language;
    private final SnowballStemmer stemmer;
    private final Map<String, String> stems;
    private final boolean elision;
    /** The words seen on this thread in this language, as written (most come back many times). */
    private final WordTable words;
    /** Words tables by language, one set per thread: tokenizers live on the thread of their document. */
    private static final ThreadLocal<Map<String, WordTable>> WORDS = ThreadLocal.withInitial(java.util.HashMap::new);
    /** Words per language kept in a thread's table at most. */
    private static final int WORDS_LIMIT = 1 << 16;

    public Tokenizer(Language language) {
        this.language = language;
        this.elision = Set.of("fr", "it", "ca").contains(language.code());
        this.stemmer = language.stemmer() != null ? language.stemmer().get() : null;
        this.stems = SHARED_STEMS.computeIfAbsent(language.code(), code -> new ConcurrentHashMap<>());
        this.words = WORDS.get().computeIfAbsent(language.code(), code -> new WordTable());
    }

    public Language language() {
        return language;
    }

    public List<Token> tokens(String sentence) {
        List<Token> tokens = new ArrayList<>();
        scan(sentence, (word, text, stem, stop, kinds, start, end, breakBefore) ->
                tokens.add(new Token(text, stem, stop, start, end, breakBefore, kinds)));
        return tokens;
    }

    /**
     * Receives the tokens of a sentence from {@link #scan}, in order: what a {@link Token} holds,
     * without a token object being made.
     */
    interface Sink {
        /**
         * @param word the word as the tokenizer knows it (the same object for every occurrence of a
         *             word seen before on this thread), or null for a CJK bigram or unigram
         */
        void token(Word word, String text, String stem, boolean stop, byte kinds, int start, int end, boolean breakBefore);
    }

    /** Reports the tokens of {@code sentence} to {@code sink}: those {@link #tokens} returns, in order. */
    void scan(String sentence, Sink sink) {
        int n = sentence.length();
        int i = 0;
        int count = 0;
        boolean pendingBreak = false;
        // one step per token or per character between tokens; what a token takes is in its own method
        while (i < n) {
            char ch = sentence.charAt(i);
            if (ch < 128) { // ASCII: no CJK, letters and digits by range
                if (asciiLetterOrDigit(ch)) {
                    i = addWord(sink, sentence, i, pendingBreak && count > 0);
                    count++;
                    pendingBreak = false;
                } else {
                    pendingBreak |= !asciiWhitespace(ch) && ch != '-' && ch != '\'';
                    i++;
                }
                continue;
            }
            int c = sentence.codePointAt(i);
            if (isCjk(c)) {
                int end = cjkRunEnd(sentence, i);
                count += addBigrams(sink, sentence, i, end, pendingBreak && count > 0);
                i = end;
                pendingBreak = false;
            } else if (Character.isLetterOrDigit(c)) {
                i = addWord(sink, sentence, i, pendingBreak && count > 0);
                count++;
                pendingBreak = false;
            } else {
                pendingBreak |= !Character.isWhitespace(c) && c != '-' && c != '\'' && c != '’';
                i += Character.charCount(c);
            }
        }
    }

    /** Where the CJK run starting at {@code from} ends. */
    private static int cjkRunEnd(String sentence, int from) {
        int n = sentence.length();
        int end = from;
        while (end < n && isCjk(sentence.codePointAt(end))) {
            end += Character.charCount(sentence.codePointAt(end));
        }
        return end;
    }

    /** Reports the word starting at {@code from} (a letter or digit); returns where it ends. */
    private int addWord(Sink sink, String sentence, int from, boolean breakBefore) {
        int end = wordEnd(sentence, from);
        Word word = word(sentence, from, end);
        sink.token(word, word.text, word.stem, word.stop, word.kinds, from, end, breakBefore);
        return end;
    }

    /**
     * What a word is, whatever its place: its text, stem, whether it is a stopword, and its
     * {@link Token#kinds}; and which stem number the analysis under way on this thread gave it,
     * so that the analysis numbers each distinct word's stem once ({@link Analysis}).
     */
    static final class Word {
        final String text;
        final String stem;
        final boolean stop;
        final byte kinds;
        final int hash;
        /** The analysis that numbered this word's stem last ({@link Analysis}'s serial), and the number it gave. */
        long analysis;
        int stemNumber;

        Word(String text, String stem, boolean stop, byte kinds, int hash) {
            this.text = text;
            this.stem = stem;
            this.stop = stop;
            this.kinds = kinds;
            this.hash = hash;
        }
    }

    /**
     * The word {@code sentence[from, end)}, looked up by its chars in the words seen so far (no
     * substring is made for a word seen before), else analysed and remembered. A word's stem,
     * stopword flag and kinds are pure functions of its text and language, so the table serves every
     * document of the thread.
     */
    private Word word(String sentence, int from, int end) {
        int hash = 0;
        for (int i = from; i < end; i++) {
            hash = 31 * hash + sentence.charAt(i); // String.hashCode of the word
        }
        Word known = words.find(sentence, from, end, hash);
        if (known != null) {
            return known;
        }
        Word word = analyse(sentence.substring(from, end), hash);
        if (words.count < WORDS_LIMIT) {
            words.add(word);
        }
        return word;
    }

    /** Words by their chars: open addressing on their String hash. */
    private static final class WordTable {
        private Word[] slots = new Word[1024];
        private int count;

        Word find(String sentence, int from, int end, int hash) {
            int length = end - from;
            int mask = slots.length - 1;
            for (int i = slot(hash, mask); slots[i] != null; i = i + 1 & mask) {
                Word w = slots[i];
                if (w.hash == hash && w.text.length() == length && sentence.regionMatches(from, w.text, 0, length)) {
                    return w;
                }
            }
            return null;
        }

        void add(Word word) {
            if (++count * 2 > slots.length) {
                Word[] old = slots;
                slots = new Word[old.length * 2];
                for (Word w : old) {
                    if (w != null) {
                        put(w);
                    }
                }
            }
            put(word);
        }

        private void put(Word word) {
            int mask = slots.length - 1;
            int i = slot(word.hash, mask);
            while (slots[i] != null) {
                i = i + 1 & mask;
            }
            slots[i] = word;
        }

        /** The slot of a hash: the top bits of a multiplicative mix. */
        private static int slot(int hash, int mask) {
            return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        }
    }

    private Word analyse(String word, int hash) {
        String lower = word.toLowerCase(Locale.ROOT);
        String unelided = stripElision(lower);
        boolean stop = language.stopwords().contains(lower)
                || (unelided != lower && language.stopwords().contains(unelided));
        return new Word(word, stem(lower), stop, Token.kinds(word, stop), hash);
    }

    /**
     * Where the word starting at {@code from} ends: letters and digits (not CJK) and combining
     * marks, with single inner apostrophes and hyphens.
     */
    private static int wordEnd(String sentence, int from) {
        int n = sentence.length();
        int end = from + Character.charCount(sentence.codePointAt(from));
        while (end < n) {
            char ch = sentence.charAt(end);
            if (ch < 128) { // ASCII: a letter or digit, or an apostrophe or hyphen between two; no marks
                if (asciiLetterOrDigit(ch)) {
                    end++;
                } else if ((ch == '\'' || ch == '-') && end + 1 < n && Character.isLetterOrDigit(sentence.codePointAt(end + 1))) {
                    end++;
                } else {
                    break;
                }
                continue;
            }
            int d = sentence.codePointAt(end);
            if (Character.isLetterOrDigit(d) && !isCjk(d) || Character.getType(d) == Character.NON_SPACING_MARK
                    || Character.getType(d) == Character.COMBINING_SPACING_MARK) {
                end += Character.charCount(d);
            } else if ((d == '\'' || d == '’' || d == '-') && end + 1 < n
                    && Character.isLetterOrDigit(sentence.codePointAt(end + 1))) {
                end += 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** Reports the bigrams of the CJK run {@code s[from, to)} (a unigram for one character); returns how many. */
    private static int addBigrams(Sink sink, String s, int from, int to, boolean breakBefore) {
        int count = s.codePointCount(from, to);
        int[] offsets = new int[count + 1];
        offsets[0] = from;
        for (int k = 0; k < count; k++) {
            offsets[k + 1] = offsets[k] + Character.charCount(s.codePointAt(offsets[k]));
        }
        if (count == 1) {
            String t = s.substring(from, to);
            boolean stop = cjkStop(t);
            sink.token(null, t, t, stop, Token.kinds(t, stop), from, to, breakBefore);
            return 1;
        }
        for (int k = 0; k + 1 < count; k++) {
            String t = s.substring(offsets[k], offsets[k + 2]);
            boolean stop = cjkStop(t);
            sink.token(null, t, t, stop, Token.kinds(t, stop), offsets[k], offsets[k + 2], k == 0 && breakBefore);
        }
        return count - 1;
    }

    private static boolean cjkStop(String bigram) {
        boolean allKana = true;
        for (int k = 0; k < bigram.length(); k++) {
            char c = bigram.charAt(k);
            if (ZH_FUNCTION.indexOf(c) >= 0 || (c >= 0x3000 && c <= 0x303F)) {
                return true;
            }
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HIRAGANA) {
                allKana = false;
            }
        }
        return allKana;
    }

    private String stem(String lower) {
        if (stemmer == null) {
            return lower;
        }
        String cached = stems.get(lower);
        if (cached == null) {
            stemmer.setCurrent(stripElision(lower));
            stemmer.stem();
            cached = stemmer.getCurrent();
            if (stems.size() < SHARED_LIMIT) {
                stems.put(lower, cached);
            }
        }
        return cached;
    }

    /** French and Italian elision: l'avion, dell'anno. */
    private String stripElision(String lower) {
        if (!elision) {
            return lower;
        }
        int apostrophe = Math.max(lower.indexOf('\''), lower.indexOf('’'));
        return apostrophe > 0 && apostrophe <= 4 && apostrophe + 1 < lower.length() ? lower.substring(apostrophe + 1) : lower;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** {@link Character#isWhitespace} below 128: tab to carriage return, the separators 1C-1F, space. */
    private static boolean asciiWhitespace(char c) {
        return c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F;
    }

    static boolean isCjk(int c) {
        if (c < 0x1100) {
            return false; // no Han, kana or Hangul below U+1100: skips the script look-up for Latin text
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    /** Lowercase stopwords of the language (for tests and callers that filter words). */
    public Set<String> stopwords() {
        return language.stopwords();
    }
}
