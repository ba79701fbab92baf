package dev.pdfvariants.text.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pdfvariants.text.Spaces;

/**
 * YAKE-style keyword extraction (Campos et al., 2020): statistics of each term within the
 * document only (casing, position of first sentences, normalised frequency, how many different
 * words surround it, how many sentences hold it) combined into a score, and candidate phrases of
 * up to three words that neither start nor end with a stopword and do not cross punctuation,
 * scored from their terms. No corpus statistics, so a document's keywords do not depend on the
 * rest of the batch.
 */
public final class KeywordExtractor {
    private static final int MAX_WORDS = 3;
    private static final int WINDOW = 2;
    private static final int FORM_SAMPLE = 12;

    private final Analysis analysis;
    private final boolean[] use;
    /**
     * The tokens of the sentences used, flat: token {@code k} of sentence {@code s} is at
     * {@code start[s] + k}; a sentence not used holds none.
     */
    private int[] start;
    private int[] tokenIds;
    private byte[] flags;

    private static final byte LETTER = Token.LETTER;
    private static final byte CONTENT = Token.CONTENT;
    private static final byte ACRONYM = Token.ACRONYM;
    private static final byte UPPER_FIRST = Token.UPPER_FIRST;
    private static final byte BREAK_BEFORE = Token.BREAK_BEFORE;

    /**
     * @param analysis the document's tokens
     * @param use      which sentences to learn from (prose; tables and fragments would drown the text), or null for all
     */
    public KeywordExtractor(Analysis analysis, boolean[] use) {
        this.analysis = analysis;
        this.use = use;
    }

    private boolean used(int s) {
        return use == null || use[s];
    }

    /** Per-term statistics, by stem. */
    private static final class TermStats {
        int tf;
        int upper;
        int acronym;
        /** The sentences holding it, ascending, without repeats. */
        int[] sentences = new int[4];
        int sentenceCount;
        /** How many different words stand before / after it, and how many times any does. */
        int leftDistinct;
        int rightDistinct;
        int leftTotal;
        int rightTotal;
        boolean stop;
        double score;

        void inSentence(int s) {
            if (sentenceCount == 0 || sentences[sentenceCount - 1] != s) {
                if (sentenceCount == sentences.length) {
                    sentences = Arrays.copyOf(sentences, sentenceCount * 2);
                }
                sentences[sentenceCount++] = s;
            }
        }
    }

    private static final class Candidate {
        /** The stem ids of its words. */
        final int[] ids;
        /** Where its first occurrences are (sentence, first token, last token): their written forms name it. */
        int[] occurrences = new int[3];
        int tf;

        Candidate(int[] ids) {
            this.ids = ids;
        }

        void occurs(int sentence, int from, int to) {
            tf++;
            if (tf <= FORM_SAMPLE) { // the usual written form shows in the first occurrences
                int at = (tf - 1) * 3;
                if (at + 3 > occurrences.length) {
                    occurrences = Arrays.copyOf(occurrences, Math.min(FORM_SAMPLE * 3, occurrences.length * 2));
                }
                occurrences[at] = sentence;
                occurrences[at + 1] = from;
                occurrences[at + 2] = to;
            }
        }
    }

    /** The document's keywords and phrases, most relevant first, at most {@code limit}. */
    public List<Keyword> extract(int limit) {
        index();
        TermStats[] byId = new TermStats[analysis.stemCount()];
        Map<String, TermStats> terms = termStats(byId);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = candidates();
        int n = candidates.size();
        if (n == 0) {
            return List.of();
        }
        Scored[] scored = scored(candidates, byId);
        // Taken by score, then by written form, until enough are kept. The order is total (two
        // candidates never share both), so the best `window` of them are all those scoring at most the
        // window-th score: found by selection on the scores, then only they are ordered and named.
        long[] byScore = scoreKeys(scored);
        List<Keyword> kept = new ArrayList<>();
        for (int window = Math.min(n, Math.max(64, limit * 8)); ; window = Math.min(n, window * 4)) {
            kept.clear();
            if (keep(scored, score(select(byScore, window - 1)), limit, n > 50, kept) || window == n) {
                break;
            }
        }
        if (kept.isEmpty()) {
            return kept;
        }
        double best = kept.get(0).score();
        List<Keyword> result = new ArrayList<>(kept.size());
        for (Keyword k : kept) {
            double relevance = k.score() <= 0 ? 1 : best / k.score();
            result.add(new Keyword(k.text(), k.stems(), k.score(), Math.round(relevance * 1000) / 1000.0, k.count()));
        }
        return result;
    }

    /** The candidates' scores as longs ordered as {@link Double#compare} orders the scores. */
    private static long[] scoreKeys(Scored[] scored) {
        long[] keys = new long[scored.length];
        for (int i = 0; i < scored.length; i++) {
            keys[i] = key(scored[i].score);
        }
        return keys;
    }

    /** A long whose signed order is the {@link Double#compare} order of doubles (-0.0 below 0.0, NaN on top). */
    static long key(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The double of a {@link #key}. */
    static double score(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * The {@code k}-th smallest (from 0) of {@code keys}, which it partly reorders: quickselect, the
     * value a sort would put at {@code k} without sorting the rest.
     */
    static long select(long[] keys, int k) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo < hi) {
            long pivot = medianOfThree(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = keys[i];
                    keys[i++] = keys[j];
                    keys[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return keys[k]; // between the two parts: equal to the pivot
            }
        }
        return keys[k];
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private Scored[] scored(List<Candidate> candidates, TermStats[] byId) {
        Scored[] scored = new Scored[candidates.size()];
        for (int i = 0; i < scored.length; i++) {
            scored[i] = new Scored(candidates.get(i), score(candidates.get(i), byId));
        }
        return scored;
    }

    /** A candidate's score from its words' (stopwords inside a phrase do not count): lower is better. */
    private static double score(Candidate c, TermStats[] byId) {
        double product = 1;
        double sum = 0;
        for (int id : c.ids) {
            TermStats t = byId[id];
            if (t.stop) {
                continue;
            }
            product *= t.score;
            sum += t.score;
        }
        return product / (c.tf * (1 + sum));
    }

    /**
     * Lays out the stem numbers of the tokens of the sentences used (numbered by the analysis:
     * neighbours are counted as pairs of numbers, not sets of strings) and notes what the
     * statistics ask of each token, so that the passes over the text read two arrays instead of
     * the tokens' strings. The passes keep their work per
     * token in small methods: a whole pass in one method made a unit the JIT compiled on stack and
     * then again in full, at more cost than the pass itself.
     */
    private void index() {
        int n = analysis.sentenceCount();
        Analysis.Tokens tokens = analysis.tokens();
        start = new int[n + 1];
        int total = 0;
        for (int s = 0; s < n; s++) {
            start[s] = total;
            if (used(s)) {
                total += tokens.start()[s + 1] - tokens.start()[s];
            }
        }
        start[n] = total;
        tokenIds = new int[total];
        flags = new byte[total];
        for (int s = 0; s < n; s++) {
            if (used(s)) {
                int from = tokens.start()[s];
                System.arraycopy(tokens.stems(), from, tokenIds, start[s], start[s + 1] - start[s]);
                System.arraycopy(tokens.flags(), from, flags, start[s], start[s + 1] - start[s]);
            }
        }
    }

    private boolean has(int token, byte flag) {
        return (flags[token] & flag) != 0;
    }

    /** Neighbour pairs (term, left neighbour) already counted, and for which side. */
    private PairSet pairs;
    private static final int LEFT = 1;
    private static final int RIGHT = 2;

    private Map<String, TermStats> termStats(TermStats[] byId) {
        Map<String, TermStats> terms = new HashMap<>();
        pairs = new PairSet(tableForTokens());
        int n = analysis.sentenceCount();
        int usedSentences = 0;
        for (int s = 0; s < n; s++) {
            if (used(s)) {
                usedSentences++;
                count(s, byId, terms);
            }
        }
        score(terms, usedSentences);
        return terms;
    }

    /**
     * Counts the words of sentence {@code s} (those with a letter) into their terms' statistics, and
     * each pair of neighbours once, at its later token.
     */
    private void count(int s, TermStats[] byId, Map<String, TermStats> terms) {
        for (int k = start[s]; k < start[s + 1]; k++) {
            if (has(k, LETTER)) {
                count(s, k, byId, terms);
            }
            neighbours(s, k, byId);
        }
    }

    /** Each term's score from its statistics (in the map's order: its frequencies feed compensated sums). */
    private static void score(Map<String, TermStats> terms, int usedSentences) {
        double[] contentTf = terms.values().stream().filter(t -> !t.stop).mapToDouble(t -> t.tf).toArray();
        double mean = Arrays.stream(contentTf).average().orElse(1);
        double std = Math.sqrt(Arrays.stream(contentTf).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        double maxTf = Arrays.stream(contentTf).max().orElse(1);
        for (TermStats t : terms.values()) {
            double casing = Math.max(t.upper, t.acronym) / (1 + Math.log(t.tf));
            double position = Math.log(Math.log(3 + median(t.sentences, t.sentenceCount)));
            double frequency = t.tf / (mean + std);
            double dl = t.leftTotal == 0 ? 0 : (double) t.leftDistinct / t.leftTotal;
            double dr = t.rightTotal == 0 ? 0 : (double) t.rightDistinct / t.rightTotal;
            double relatedness = 1 + (dl + dr) * t.tf / maxTf;
            double different = (double) t.sentenceCount / Math.max(1, usedSentences);
            t.score = relatedness * position / (casing + frequency / relatedness + different / relatedness);
        }
    }

    /** Counts token {@code k} (of sentence {@code s}, a word with a letter) into its term's statistics. */
    private void count(int s, int k, TermStats[] byId, Map<String, TermStats> terms) {
        int id = tokenIds[k];
        TermStats t = byId[id];
        if (t == null) {
            t = new TermStats();
            byId[id] = t;
            terms.put(analysis.stem(id), t);
        }
        t.stop = !has(k, CONTENT);
        t.tf++;
        t.inSentence(s);
        if (has(k, ACRONYM)) {
            t.acronym++;
        } else if (k > start[s] && has(k, UPPER_FIRST)) {
            t.upper++;
        }
    }

    /**
     * The pairs of neighbours ending at token {@code k}: each earlier token {@code p} within
     * {@link #WINDOW} with no punctuation between is a left neighbour of k (counted for k's term
     * when k has a letter) and k a right neighbour of p (counted for p's term when p has a
     * letter). One set of (term, left neighbour) pairs serves both sides: a right pair is a left
     * pair the other way round, and the set remembers which side has seen each.
     */
    private void neighbours(int s, int k, TermStats[] byId) {
        boolean left = has(k, LETTER);
        for (int w = 1; w <= WINDOW; w++) {
            int p = k - w;
            if (p < start[s] || crosses(p + 1, k)) {
                continue;
            }
            boolean right = has(p, LETTER);
            if (!left && !right) {
                continue;
            }
            int seen = pairs.add(((long) tokenIds[k] << 32) | tokenIds[p], (left ? LEFT : 0) | (right ? RIGHT : 0));
            if (left) {
                TermStats t = byId[tokenIds[k]];
                t.leftTotal++;
                t.leftDistinct += (seen & LEFT) != 0 ? 1 : 0;
            }
            if (right) {
                TermStats t = byId[tokenIds[p]];
                t.rightTotal++;
                t.rightDistinct += (seen & RIGHT) != 0 ? 1 : 0;
            }
        }
    }

    /** Whether punctuation stands before any of the tokens {@code from..to}. */
    private boolean crosses(int from, int to) {
        for (int k = from; k <= to; k++) {
            if (has(k, BREAK_BEFORE)) {
                return true;
            }
        }
        return false;
    }

    /** Pairs of stem numbers (open addressing), each with the sides it has been counted for. */
    private static final class PairSet {
        private long[] keys; // key + 1; 0 is empty
        private byte[] sides;
        private int size;

        PairSet(int capacity) {
            keys = new long[capacity];
            sides = new byte[capacity];
        }

        /** Marks {@code key} as seen from {@code wanted} sides; returns those it had not been seen from. */
        int add(long key, int wanted) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            long stored = key + 1;
            int mask = keys.length - 1;
            int i = slot(stored, mask);
            while (keys[i] != 0 && keys[i] != stored) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = stored;
                size++;
            }
            int fresh = wanted & ~sides[i];
            sides[i] |= (byte) wanted;
            return fresh;
        }

        private void grow() {
            long[] oldKeys = keys;
            byte[] oldSides = sides;
            keys = new long[oldKeys.length * 2];
            sides = new byte[keys.length];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = slot(oldKeys[j], mask);
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    sides[i] = oldSides[j];
                }
            }
        }

        private static int slot(long stored, int mask) {
            return (int) ((stored * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }
    }

    /**
     * The first size of an open-addressing table for about {@code expected} entries (a document's
     * tokens: about as many distinct neighbour pairs and candidates as that), so that it does not
     * grow and rehash step by step from a small size; capped, as a huge document's tables grow on
     * demand instead.
     */
    static int tableSize(int expected) {
        int wanted = Math.max(512, Math.min(expected, 1 << 17)) * 2;
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    /** The first size of a table for the tokens of the sentences used (laid out by {@link #index}). */
    private int tableForTokens() {
        return tableSize(start[analysis.sentenceCount()]);
    }

    /** Phrases of one to three words that start and end with a content word, keyed by their stems' ids. */
    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        CandidateIndex index = analysis.stemCount() < PACKED_IDS ? new PackedIndex(tableForTokens()) : new ListIndex();
        for (int s = 0; s < analysis.sentenceCount(); s++) {
            for (int k = start[s]; k < start[s + 1]; k++) {
                if (has(k, CONTENT)) {
                    phrasesFrom(s, k, candidates, index);
                }
            }
        }
        return candidates;
    }

    /** The candidates starting at token {@code first} (a content word) of sentence {@code s}. */
    private void phrasesFrom(int s, int first, List<Candidate> candidates, CandidateIndex index) {
        int end = Math.min(start[s + 1], first + MAX_WORDS);
        for (int last = first; last < end; last++) {
            if (last > first && has(last, BREAK_BEFORE) || !has(last, LETTER)) {
                break;
            }
            if (!has(last, CONTENT) || repeats(first, last)) {
                continue; // a phrase may hold a stopword inside, never at its end; "salary salary"
            }
            int i = index.get(tokenIds, first, last);
            if (i < 0) {
                i = candidates.size();
                index.put(tokenIds, first, last, i);
                candidates.add(new Candidate(Arrays.copyOfRange(tokenIds, first, last + 1)));
            }
            candidates.get(i).occurs(s, first - start[s], last - start[s]);
        }
    }

    /** A word repeating the first or the one before it. */
    private boolean repeats(int first, int last) {
        for (int k = first + 1; k <= last; k++) {
            if (tokenIds[k] == tokenIds[first] || tokenIds[k] == tokenIds[k - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Candidates by their words' stem ids ({@code ids[from..to]}): their index, or -1. */
    private interface CandidateIndex {
        int get(int[] ids, int from, int to);

        void put(int[] ids, int from, int to, int index);
    }

    /** Up to three ids packed into a long: every document in practice. */
    private static final class PackedIndex implements CandidateIndex {
        private final LongIntMap map;

        PackedIndex(int capacity) {
            map = new LongIntMap(capacity);
        }

        private static long key(int[] ids, int from, int to) {
            long key = 0;
            for (int k = from; k <= to; k++) {
                key |= (long) (ids[k] + 1) << (21 * (k - from));
            }
            return key;
        }

        @Override
        public int get(int[] ids, int from, int to) {
            return map.get(key(ids, from, to));
        }

        @Override
        public void put(int[] ids, int from, int to, int index) {
            map.put(key(ids, from, to), index);
        }
    }

    /** When ids outgrow the packed key (not in practice). */
    private static final class ListIndex implements CandidateIndex {
        private final Map<List<Integer>, Integer> map = new HashMap<>();

        private static List<Integer> key(int[] ids, int from, int to) {
            List<Integer> key = new ArrayList<>(to - from + 1);
            for (int k = from; k <= to; k++) {
                key.add(ids[k]);
            }
            return key;
        }

        @Override
        public int get(int[] ids, int from, int to) {
            return map.getOrDefault(key(ids, from, to), -1);
        }

        @Override
        public void put(int[] ids, int from, int to, int index) {
            map.put(key(ids, from, to), index);
        }
    }

    /** Stem ids below this fit three to a long. */
    private static final int PACKED_IDS = (1 << 21) - 1;

    /** The stems a candidate is made of. */
    private List<String> stems(Candidate c) {
        List<String> stems = new ArrayList<>(c.ids.length);
        for (int id : c.ids) {
            stems.add(analysis.stem(id));
        }
        return stems;
    }

    /** Long keys to int values (open addressing); -1 for a key not there. */
    private static final class LongIntMap {
        private long[] keys; // 0 is empty: keys are never 0
        private int[] values;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == 0) {
                    return -1;
                }
                if (keys[i] == key) {
                    return values[i];
                }
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        insert(oldKeys[i], oldValues[i]);
                    }
                }
            }
            insert(key, value);
            size++;
        }

        private void insert(long key, int value) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        private static int slot(long key, int mask) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }
    }

    /**
     * Goes through the candidates scoring at most {@code threshold}, best first, and keeps those that
     * are not repeats of one already seen; returns whether {@code limit} were kept.
     */
    private boolean keep(Scored[] scored, double threshold, int limit, boolean dropSingles, List<Keyword> kept) {
        Scored[] best = atMost(scored, threshold);
        // by score, then by written form: sorted by score (stable), then each run of equal scores by
        // form, so that forms are compared (and worked out) for ties only
        Arrays.sort(best, BY_SCORE);
        sortTiesByText(best);
        Set<String> seen = new HashSet<>();
        for (Scored candidate : best) {
            Keyword k = keyword(candidate, seen, dropSingles);
            if (k != null) {
                kept.add(k);
                if (kept.size() == limit) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The candidates scoring at most {@code threshold}, in candidate order. */
    private static Scored[] atMost(Scored[] scored, double threshold) {
        Scored[] below = new Scored[scored.length];
        int n = 0;
        for (Scored s : scored) {
            if (Double.compare(s.score, threshold) <= 0) {
                below[n++] = s;
            }
        }
        return Arrays.copyOf(below, n);
    }

    /** Orders each run of equal scores by written form. */
    private static void sortTiesByText(Scored[] sorted) {
        int n = sorted.length;
        for (int from = 0, to; from < n; from = to) {
            to = from + 1;
            while (to < n && Double.compare(sorted[to].score, sorted[from].score) == 0) {
                to++;
            }
            if (to - from > 1) {
                sortByText(sorted, from, to);
            }
        }
    }

    /**
     * The keyword a candidate makes, or null when one with the same stems or the same written form
     * came before ({@code seen} remembers both), or when it is a one-off and those are dropped.
     */
    private Keyword keyword(Scored candidate, Set<String> seen, boolean dropSingles) {
        Keyword k = new Keyword(candidate.text(), stems(candidate.candidate), candidate.score, 0, candidate.candidate.tf);
        String key = k.text().toLowerCase(Locale.ROOT);
        if (!seen.add(String.join(" ", k.stems())) || !seen.add("text:" + key)) {
            return null;
        }
        if (k.count() < 2 && dropSingles) {
            return null; // a phrase seen once in a long text is noise
        }
        return k;
    }

    private static final Comparator<Scored> BY_SCORE = (a, b) -> Double.compare(a.score, b.score);
    private static final Comparator<Scored> BY_TEXT = (a, b) -> a.text.compareTo(b.text);

    private static void sortByText(Scored[] scored, int from, int to) {
        for (int i = from; i < to; i++) {
            scored[i].text();
        }
        Arrays.sort(scored, from, to, BY_TEXT);
    }

    /** A candidate and its score; its written form is worked out when first asked for. */
    private final class Scored {
        final Candidate candidate;
        final double score;
        private String text;

        Scored(Candidate candidate, double score) {
            this.candidate = candidate;
            this.score = score;
        }

        String text() {
            if (text == null) {
                text = displayForm(candidate);
            }
            return text;
        }
    }

    /** The most frequent form seen inside sentences; else the start-of-sentence form, decapitalised. */
    private String displayForm(Candidate c) {
        Map<String, int[]> forms = new java.util.TreeMap<>(); // [seen inside a sentence, seen at its start]
        for (int o = 0; o < Math.min(c.tf, FORM_SAMPLE) * 3; o += 3) {
            int sentence = c.occurrences[o];
            int from = c.occurrences[o + 1];
            String form = surface(sentence, from, c.occurrences[o + 2]);
            forms.computeIfAbsent(form, f -> new int[2])[from == 0 ? 1 : 0]++;
        }
        String inside = null;
        String atStart = null;
        int insideCount = 0;
        int startCount = 0;
        for (Map.Entry<String, int[]> e : forms.entrySet()) {
            if (e.getValue()[0] > insideCount) {
                inside = e.getKey();
                insideCount = e.getValue()[0];
            }
            if (e.getValue()[1] > startCount) {
                atStart = e.getKey();
                startCount = e.getValue()[1];
            }
        }
        if (inside != null) {
            return inside;
        }
        String first = firstWord(atStart);
        boolean keepCase = Token.isAcronym(first) || first.length() > 1 && Character.isUpperCase(first.charAt(1));
        return keepCase ? atStart : lowerFirst(atStart);
    }

    /** The text of sentence {@code s} from its token {@code from} to its token {@code to}, spaces collapsed. */
    private String surface(int s, int from, int to) {
        Analysis.Tokens tokens = analysis.tokens();
        int first = tokens.start()[s];
        return Spaces.collapse(analysis.text(s).substring(tokens.from()[first + from], tokens.to()[first + to]));
    }

    private static double median(int[] values, int n) {
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
