package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The keyword extractor (stem ids, flat token arrays, a primitive pre-sort) against a
 * straightforward YAKE of strings, maps and one comparator sort, on random documents.
 */
class KeywordExtractorReferenceTest {
    private static final String[] WORDS = {"the", "of", "and", "a", "is", "in", "to", "water", "Water", "WATER",
        "meter", "meters", "metering", "storm", "drain", "drains", "garden", "gardens", "Rooftop", "rooftop",
        "NASA", "UN", "pH", "x", "B", "3", "42", "2.5", "co-op", "don't", "état", "Ærø", "gärten", "über", "中文", "数据",
        "cooling", "cooled", "roof", "roofs", "city", "cities", "heat", "island", "islands", "salary",
        // French elision: "l'2" and "2" share a stem, one with a letter and one without
        "l'2", "2", "l'eau", "eau", "d'été"};
    private static final String[] GLUE = {" ", " ", " ", " ", "  ", ", ", "; ", " (", ") ", " - ", ": ", "\n", " \"", "\" "};

    @Test
    void extractionAgreesWithAStraightforwardReferenceOnRandomDocuments() {
        Random random = new Random(21);
        int nonEmpty = 0;
        for (int doc = 0; doc < 600; doc++) {
            int count = 1 + random.nextInt(doc % 10 == 0 ? 200 : 25);
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                StringBuilder b = new StringBuilder();
                int words = 1 + random.nextInt(14);
                for (int w = 0; w < words; w++) {
                    b.append(WORDS[random.nextInt(WORDS.length)]);
                    b.append(w + 1 < words ? GLUE[random.nextInt(GLUE.length)] : ".");
                }
                sentences.add(b.toString());
            }
            Analysis a = Analysis.of(Languages.of(new String[] {"en", "de", "fr"}[random.nextInt(3)]), sentences);
            boolean[] use = null;
            if (random.nextBoolean()) {
                use = new boolean[count];
                for (int s = 0; s < count; s++) {
                    use[s] = random.nextInt(4) != 0;
                }
            }
            int limit = 1 + random.nextInt(30);
            List<Keyword> expected = reference(a, use, limit);
            assertThat(new KeywordExtractor(a, use).extract(limit)).as("document %d", doc).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(500);
    }

    private static final class Stats {
        int tf;
        int upper;
        int acronym;
        List<Integer> sentences = new ArrayList<>();
        Set<String> left = new HashSet<>();
        Set<String> right = new HashSet<>();
        int leftTotal;
        int rightTotal;
        boolean stop;
        double score;
    }

    private static final class Phrase {
        final List<String> stems;
        final List<int[]> occurrences = new ArrayList<>();
        double score;
        String text;

        Phrase(List<String> stems) {
            this.stems = stems;
        }
    }

    static List<Keyword> reference(Analysis a, boolean[] use, int limit) {
        Map<String, Stats> terms = new HashMap<>();
        int used = 0;
        for (int s = 0; s < a.sentenceCount(); s++) {
            if (use != null && !use[s]) {
                continue;
            }
            used++;
            List<Token> tokens = a.tokens(s);
            for (int i = 0; i < tokens.size(); i++) {
                Token tok = tokens.get(i);
                if (!tok.text().chars().anyMatch(Character::isLetter)) {
                    continue;
                }
                Stats t = terms.get(tok.stem());
                if (t == null) { // put, not computeIfAbsent (which puts at the head of a bin): the map's order feeds the sums below
                    t = new Stats();
                    terms.put(tok.stem(), t);
                }
                t.stop = !tok.content();
                t.tf++;
                if (!t.sentences.contains(s)) {
                    t.sentences.add(s);
                }
                if (Token.isAcronym(tok.text())) {
                    t.acronym++;
                } else if (i > 0 && Character.isUpperCase(tok.text().codePointAt(0))) {
                    t.upper++;
                }
                for (int w = 1; w <= 2; w++) {
                    if (i - w >= 0 && !breakIn(tokens, i - w + 1, i)) {
                        t.left.add(tokens.get(i - w).stem());
                        t.leftTotal++;
                    }
                    if (i + w < tokens.size() && !breakIn(tokens, i + 1, i + w)) {
                        t.right.add(tokens.get(i + w).stem());
                        t.rightTotal++;
                    }
                }
            }
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        double[] contentTf = terms.values().stream().filter(t -> !t.stop).mapToDouble(t -> t.tf).toArray();
        double mean = Arrays.stream(contentTf).average().orElse(1);
        double std = Math.sqrt(Arrays.stream(contentTf).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        double maxTf = Arrays.stream(contentTf).max().orElse(1);
        for (Stats t : terms.values()) {
            int n = t.sentences.size();
            double median = n % 2 == 1 ? t.sentences.get(n / 2) : (t.sentences.get(n / 2 - 1) + t.sentences.get(n / 2)) / 2.0;
            double casing = Math.max(t.upper, t.acronym) / (1 + Math.log(t.tf));
            double position = Math.log(Math.log(3 + median));
            double frequency = t.tf / (mean + std);
            double dl = t.leftTotal == 0 ? 0 : (double) t.left.size() / t.leftTotal;
            double dr = t.rightTotal == 0 ? 0 : (double) t.right.size() / t.rightTotal;
            double relatedness = 1 + (dl + dr) * t.tf / maxTf;
            double different = (double) n / Math.max(1, used);
            t.score = relatedness * position / (casing + frequency / relatedness + different / relatedness);
        }

        Map<List<String>, Phrase> phrases = new LinkedHashMap<>();
        for (int s = 0; s < a.sentenceCount(); s++) {
            if (use != null && !use[s]) {
                continue;
            }
            List<Token> tokens = a.tokens(s);
            for (int i = 0; i < tokens.size(); i++) {
                if (!tokens.get(i).content()) {
                    continue;
                }
                for (int last = i; last < Math.min(tokens.size(), i + 3); last++) {
                    Token end = tokens.get(last);
                    if (last > i && end.breakBefore() || !end.text().chars().anyMatch(Character::isLetter)) {
                        break;
                    }
                    List<String> stems = new ArrayList<>();
                    for (int k = i; k <= last; k++) {
                        stems.add(tokens.get(k).stem());
                    }
                    boolean repeats = false;
                    for (int k = 1; k < stems.size(); k++) {
                        repeats |= stems.get(k).equals(stems.get(0)) || stems.get(k).equals(stems.get(k - 1));
                    }
                    if (!end.content() || repeats) {
                        continue;
                    }
                    phrases.computeIfAbsent(stems, Phrase::new).occurrences.add(new int[] {s, i, last});
                }
            }
        }
        List<Phrase> all = new ArrayList<>(phrases.values());
        for (Phrase p : all) {
            double product = 1;
            double sum = 0;
            for (String stem : p.stems) {
                Stats t = terms.get(stem);
                if (!t.stop) {
                    product *= t.score;
                    sum += t.score;
                }
            }
            p.score = product / (p.occurrences.size() * (1 + sum));
            p.text = form(a, p);
        }
        all.sort((x, y) -> Double.compare(x.score, y.score) != 0 ? Double.compare(x.score, y.score) : x.text.compareTo(y.text));
        Set<String> seen = new HashSet<>();
        List<Phrase> kept = new ArrayList<>();
        for (Phrase p : all) {
            if (!seen.add(String.join(" ", p.stems)) || !seen.add("text:" + p.text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (p.occurrences.size() < 2 && all.size() > 50) {
                continue;
            }
            kept.add(p);
            if (kept.size() == limit) {
                break;
            }
        }
        List<Keyword> result = new ArrayList<>();
        for (Phrase p : kept) {
            double best = kept.get(0).score;
            double relevance = p.score <= 0 ? 1 : best / p.score;
            result.add(new Keyword(p.text, p.stems, p.score, Math.round(relevance * 1000) / 1000.0, p.occurrences.size()));
        }
        return result;
    }

    private static String mostFrequent(Map<String, int[]> forms, int where) {
        return forms.keySet().stream().filter(f -> forms.get(f)[where] > 0)
                .min(Comparator.comparingInt((String f) -> -forms.get(f)[where]).thenComparing(f -> f)).orElse(null);
    }

    private static boolean breakIn(List<Token> tokens, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (tokens.get(k).breakBefore()) {
                return true;
            }
        }
        return false;
    }

    /** The form seen most inside sentences (first occurrences), else the start-of-sentence one, decapitalised. */
    private static String form(Analysis a, Phrase p) {
        Map<String, int[]> forms = new TreeMap<>();
        for (int[] o : p.occurrences.subList(0, Math.min(12, p.occurrences.size()))) {
            List<Token> tokens = a.tokens(o[0]);
            String form = a.text(o[0]).substring(tokens.get(o[1]).start(), tokens.get(o[2]).end()).replaceAll("\\s+", " ");
            forms.computeIfAbsent(form, f -> new int[2])[o[1] == 0 ? 1 : 0]++;
        }
        // the most frequent, ties to the first in string order
        String inside = mostFrequent(forms, 0);
        if (inside != null) {
            return inside;
        }
        String atStart = mostFrequent(forms, 1);
        String first = atStart.contains(" ") ? atStart.substring(0, atStart.indexOf(' ')) : atStart;
        boolean keepCase = Token.isAcronym(first) || first.length() > 1 && Character.isUpperCase(first.charAt(1));
        return keepCase ? atStart : atStart.substring(0, 1).toLowerCase(Locale.ROOT) + atStart.substring(1);
    }
}
