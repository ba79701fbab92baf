package dev.pdfvariants.text.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    /** Every stem of the sentences used, numbered (by {@link #termStats()}). */
    private final Map<String, Integer> stemIds = new HashMap<>();

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
        final List<String> stems;
        /** Where its first occurrences are (sentence, first token, last token): their written forms name it. */
        int[] occurrences = new int[3];
        int tf;

        Candidate(List<String> stems) {
            this.stems = stems;
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
        Map<String, TermStats> terms = termStats();
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = candidates();
        Scored[] scored = new Scored[candidates.size()];
        int n = 0;
        for (Candidate c : candidates) {
            double product = 1;
            double sum = 0;
            for (String stem : c.stems) {
                TermStats t = terms.get(stem);
                if (t.stop) {
                    continue;
                }
                product *= t.score;
                sum += t.score;
            }
            scored[n++] = new Scored(c, product / (c.tf * (1 + sum)));
        }
        // Taken by score, then by written form, until enough are kept. The order is total (two
        // candidates never share both), so the best `window` of them are all those scoring at most the
        // window-th score: found with a primitive sort, then only they are ordered and named.
        if (n == 0) {
            return List.of();
        }
        double[] byScore = new double[n];
        for (int i = 0; i < n; i++) {
            byScore[i] = scored[i].score;
        }
        Arrays.sort(byScore);
        List<Keyword> kept = new ArrayList<>();
        for (int window = Math.min(n, Math.max(64, limit * 8)); ; window = Math.min(n, window * 4)) {
            kept.clear();
            if (keep(scored, byScore[window - 1], limit, candidates.size() > 50, kept) || window == n) {
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

    private Map<String, TermStats> termStats() {
        Map<String, TermStats> terms = new HashMap<>();
        // every stem gets a small id once, so neighbours are counted as pairs of ids, not sets of strings
        TermStats[] byId = new TermStats[256];
        LongSet leftPairs = new LongSet();
        LongSet rightPairs = new LongSet();
        int[] ids = new int[64];
        int n = analysis.sentenceCount();
        int usedSentences = 0;
        for (int s = 0; s < n; s++) {
            if (!used(s)) {
                continue;
            }
            usedSentences++;
            List<Token> tokens = analysis.tokens(s);
            if (ids.length < tokens.size()) {
                ids = new int[tokens.size() * 2];
            }
            for (int i = 0; i < tokens.size(); i++) {
                String stem = tokens.get(i).stem();
                Integer id = stemIds.get(stem);
                if (id == null) {
                    id = stemIds.size();
                    stemIds.put(stem, id);
                }
                ids[i] = id;
            }
            for (int i = 0; i < tokens.size(); i++) {
                Token tok = tokens.get(i);
                if (!hasLetter(tok.text())) {
                    continue;
                }
                int id = ids[i];
                if (id >= byId.length) {
                    byId = Arrays.copyOf(byId, Math.max(byId.length * 2, id + 1));
                }
                TermStats t = byId[id];
                if (t == null) {
                    t = new TermStats();
                    byId[id] = t;
                    terms.put(tok.stem(), t);
                }
                t.stop = tok.stop() || !tok.content();
                t.tf++;
                t.inSentence(s);
                if (isAcronym(tok.text())) {
                    t.acronym++;
                } else if (i > 0 && Character.isUpperCase(tok.text().codePointAt(0))) {
                    t.upper++;
                }
                for (int w = 1; w <= WINDOW; w++) {
                    if (i - w >= 0 && !crosses(tokens, i - w + 1, i)) {
                        if (leftPairs.add(((long) id << 32) | ids[i - w])) {
                            t.leftDistinct++;
                        }
                        t.leftTotal++;
                    }
                    if (i + w < tokens.size() && !crosses(tokens, i + 1, i + w)) {
                        if (rightPairs.add(((long) id << 32) | ids[i + w])) {
                            t.rightDistinct++;
                        }
                        t.rightTotal++;
                    }
                }
            }
        }
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
        return terms;
    }

    /** A set of longs (open addressing): the (term, neighbour) pairs already seen. */
    private static final class LongSet {
        private long[] slots = new long[1024]; // key + 1; 0 is empty
        private int size;

        boolean add(long key) {
            if ((size + 1) * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                for (long k : old) {
                    if (k != 0) {
                        insert(k);
                    }
                }
            }
            if (insert(key + 1)) {
                size++;
                return true;
            }
            return false;
        }

        private boolean insert(long stored) {
            int mask = slots.length - 1;
            for (int i = (int) ((stored * 0x9E3779B97F4A7C15L) >>> 40) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == 0) {
                    slots[i] = stored;
                    return true;
                }
                if (slots[i] == stored) {
                    return false;
                }
            }
        }
    }

    /** Phrases of one to three words that start and end with a content word, keyed by their stems' ids. */
    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        LongIntMap byIds = new LongIntMap();
        Map<String, Integer> byStems = new HashMap<>(); // when ids outgrow the packed key (not in practice)
        boolean packed = stemIds.size() < PACKED_IDS;
        int[] ids = new int[64];
        StringBuilder key = new StringBuilder();
        for (int s = 0; s < analysis.sentenceCount(); s++) {
            if (!used(s)) {
                continue;
            }
            List<Token> tokens = analysis.tokens(s);
            if (ids.length < tokens.size()) {
                ids = new int[tokens.size() * 2];
            }
            for (int i = 0; i < tokens.size(); i++) {
                ids[i] = stemIds.get(tokens.get(i).stem());
            }
            for (int i = 0; i < tokens.size(); i++) {
                Token first = tokens.get(i);
                if (!first.content()) {
                    continue;
                }
                for (int len = 1; len <= MAX_WORDS && i + len <= tokens.size(); len++) {
                    int lastIndex = i + len - 1;
                    Token last = tokens.get(lastIndex);
                    if (len > 1 && last.breakBefore()) {
                        break;
                    }
                    if (!hasLetter(last.text())) {
                        break;
                    }
                    if (!last.content()) {
                        continue; // a phrase may hold a stopword inside, never at its end
                    }
                    boolean repeats = false;
                    for (int k = i + 1; k <= lastIndex; k++) {
                        repeats |= ids[k] == ids[i] || ids[k] == ids[k - 1];
                    }
                    if (repeats) {
                        continue; // "salary salary"
                    }
                    int index;
                    if (packed) {
                        long packedKey = 0;
                        for (int k = i; k <= lastIndex; k++) {
                            packedKey |= (long) (ids[k] + 1) << (21 * (k - i));
                        }
                        index = byIds.get(packedKey);
                        if (index < 0) {
                            index = candidates.size();
                            byIds.put(packedKey, index);
                            candidates.add(new Candidate(stems(tokens, i, lastIndex)));
                        }
                    } else {
                        key.setLength(0);
                        for (int k = i; k <= lastIndex; k++) {
                            key.append(tokens.get(k).stem()).append('\u0001');
                        }
                        Integer known = byStems.get(key.toString());
                        if (known == null) {
                            known = candidates.size();
                            byStems.put(key.toString(), known);
                            candidates.add(new Candidate(stems(tokens, i, lastIndex)));
                        }
                        index = known;
                    }
                    candidates.get(index).occurs(s, i, lastIndex);
                }
            }
        }
        return candidates;
    }

    /** Stem ids below this fit three to a long. */
    private static final int PACKED_IDS = (1 << 21) - 1;

    private static List<String> stems(List<Token> tokens, int from, int to) {
        List<String> stems = new ArrayList<>(to - from + 1);
        for (int k = from; k <= to; k++) {
            stems.add(tokens.get(k).stem());
        }
        return stems;
    }

    /** Long keys to int values (open addressing); -1 for a key not there. */
    private static final class LongIntMap {
        private long[] keys = new long[1024]; // 0 is empty: keys are never 0
        private int[] values = new int[1024];
        private int size;

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
    private static boolean keep(Scored[] scored, double threshold, int limit, boolean dropSingles, List<Keyword> kept) {
        List<Scored> best = new ArrayList<>();
        for (Scored s : scored) {
            if (Double.compare(s.score, threshold) <= 0) {
                best.add(s);
            }
        }
        best.sort((a, b) -> {
            int byScore = Double.compare(a.score, b.score);
            return byScore != 0 ? byScore : a.text().compareTo(b.text());
        });
        Set<String> seen = new HashSet<>();
        for (Scored candidate : best) {
            Keyword k = new Keyword(candidate.text(), candidate.candidate.stems, candidate.score, 0, candidate.candidate.tf);
            String key = k.text().toLowerCase(Locale.ROOT);
            if (!seen.add(String.join(" ", k.stems())) || !seen.add("text:" + key)) {
                continue;
            }
            if (k.count() < 2 && dropSingles) {
                continue; // a phrase seen once in a long text is noise
            }
            kept.add(k);
            if (kept.size() == limit) {
                return true;
            }
        }
        return false;
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
            String form = surface(analysis.tokens(sentence), from, c.occurrences[o + 2], analysis.text(sentence));
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
        boolean keepCase = isAcronym(first) || first.length() > 1 && Character.isUpperCase(first.charAt(1));
        return keepCase ? atStart : lowerFirst(atStart);
    }

    private static String surface(List<Token> tokens, int from, int to, String sentence) {
        Token a = tokens.get(from);
        Token b = tokens.get(to);
        String form = sentence.substring(a.start(), b.end());
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || i + 1 < form.length() && Character.isWhitespace(form.charAt(i + 1)))) {
                return form.replaceAll("\\s+", " ");
            }
        }
        return form;
    }

    private static boolean crosses(List<Token> tokens, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (tokens.get(k).breakBefore()) {
                return true;
            }
        }
        return false;
    }

    private static double median(int[] values, int n) {
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    }

    static boolean isAcronym(String word) {
        if (word.length() < 2) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters >= 2;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
