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
        final List<Integer> sentences = new ArrayList<>();
        final Set<String> left = new HashSet<>();
        final Set<String> right = new HashSet<>();
        int leftTotal;
        int rightTotal;
        boolean stop;
        double score;
    }

    private static final class Candidate {
        final List<String> stems;
        /** Written forms: [seen inside a sentence, seen at its start]. */
        final Map<String, int[]> forms = new HashMap<>();
        int tf;

        Candidate(List<String> stems) {
            this.stems = stems;
        }
    }

    /** The document's keywords and phrases, most relevant first, at most {@code limit}. */
    public List<Keyword> extract(int limit) {
        Map<String, TermStats> terms = termStats();
        if (terms.isEmpty()) {
            return List.of();
        }
        Map<String, Candidate> candidates = candidates(terms);
        List<Keyword> scored = new ArrayList<>();
        for (Candidate c : candidates.values()) {
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
            double score = product / (c.tf * (1 + sum));
            scored.add(new Keyword(displayForm(c), c.stems, score, 0, c.tf));
        }
        scored.sort(Comparator.comparingDouble(Keyword::score).thenComparing(Keyword::text));
        List<Keyword> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Keyword k : scored) {
            String key = k.text().toLowerCase(Locale.ROOT);
            if (!seen.add(String.join(" ", k.stems())) || !seen.add("text:" + key)) {
                continue;
            }
            if (k.count() < 2 && candidates.size() > 50) {
                continue; // a phrase seen once in a long text is noise
            }
            kept.add(k);
            if (kept.size() == limit) {
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
        int n = analysis.sentenceCount();
        int usedSentences = 0;
        for (int s = 0; s < n; s++) {
            if (!used(s)) {
                continue;
            }
            usedSentences++;
            List<Token> tokens = analysis.tokens(s);
            for (int i = 0; i < tokens.size(); i++) {
                Token tok = tokens.get(i);
                if (!hasLetter(tok.text())) {
                    continue;
                }
                TermStats t = terms.computeIfAbsent(tok.stem(), k -> new TermStats());
                t.stop = tok.stop() || !tok.content();
                t.tf++;
                if (t.sentences.isEmpty() || t.sentences.get(t.sentences.size() - 1) != s) {
                    t.sentences.add(s);
                }
                if (isAcronym(tok.text())) {
                    t.acronym++;
                } else if (i > 0 && Character.isUpperCase(tok.text().codePointAt(0))) {
                    t.upper++;
                }
                for (int w = 1; w <= WINDOW; w++) {
                    if (i - w >= 0 && !crosses(tokens, i - w + 1, i)) {
                        t.left.add(tokens.get(i - w).stem());
                        t.leftTotal++;
                    }
                    if (i + w < tokens.size() && !crosses(tokens, i + 1, i + w)) {
                        t.right.add(tokens.get(i + w).stem());
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
            double position = Math.log(Math.log(3 + median(t.sentences)));
            double frequency = t.tf / (mean + std);
            double dl = t.leftTotal == 0 ? 0 : (double) t.left.size() / t.leftTotal;
            double dr = t.rightTotal == 0 ? 0 : (double) t.right.size() / t.rightTotal;
            double relatedness = 1 + (dl + dr) * t.tf / maxTf;
            double different = (double) t.sentences.size() / Math.max(1, usedSentences);
            t.score = relatedness * position / (casing + frequency / relatedness + different / relatedness);
        }
        return terms;
    }

    private Map<String, Candidate> candidates(Map<String, TermStats> terms) {
        Map<String, Candidate> candidates = new HashMap<>();
        StringBuilder key = new StringBuilder();
        for (int s = 0; s < analysis.sentenceCount(); s++) {
            if (!used(s)) {
                continue;
            }
            List<Token> tokens = analysis.tokens(s);
            String sentence = analysis.text(s);
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
                    key.setLength(0);
                    boolean repeats = false;
                    for (int k = i; k <= lastIndex; k++) {
                        String stem = tokens.get(k).stem();
                        repeats |= k > i && (stem.equals(tokens.get(i).stem()) || stem.equals(tokens.get(k - 1).stem()));
                        key.append(stem).append('\u0001');
                    }
                    if (repeats) {
                        continue; // "salary salary"
                    }
                    Candidate c = candidates.get(key.toString());
                    if (c == null) {
                        List<String> stems = new ArrayList<>(len);
                        for (int k = i; k <= lastIndex; k++) {
                            stems.add(tokens.get(k).stem());
                        }
                        c = new Candidate(stems);
                        candidates.put(key.toString(), c);
                    }
                    c.tf++;
                    if (c.tf <= FORM_SAMPLE) { // the usual written form shows in the first occurrences
                        String form = surface(tokens, i, lastIndex, sentence);
                        c.forms.computeIfAbsent(form, f -> new int[2])[i == 0 ? 1 : 0]++;
                    }
                }
            }
        }
        return candidates;
    }

    /** The most frequent form seen inside sentences; else the start-of-sentence form, decapitalised. */
    private static String displayForm(Candidate c) {
        String inside = null;
        String atStart = null;
        int insideCount = 0;
        int startCount = 0;
        for (Map.Entry<String, int[]> e : new java.util.TreeMap<>(c.forms).entrySet()) {
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

    private static double median(List<Integer> values) {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
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
