package dev.pdfvariants.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pdfvariants.text.nlp.Analysis;
import dev.pdfvariants.text.nlp.Token;
import dev.pdfvariants.text.nlp.Tokenizer;

/**
 * The restart vector of the biased sentence ranking: what a reader's attention favours before the
 * graph has its say. Sentences early in the document, first sentences of a section or paragraph,
 * sentences in an introduction, summary or conclusion, and sentences sharing words with the
 * title weigh more.
 */
final class SentenceBias {
    private static final Pattern KEY_SECTION = Pattern.compile("(?iu).*\\b(?:introduction|summary|overview|conclusions?|"
            + "abstract|findings|purpose|background|executive|introducción|resumen|conclusi[oó]n(?:es)?|objetivos?|"
            + "einleitung|einführung|zusammenfassung|fazit|überblick|résumé|synthèse|introdução|resumo|conclus[aã]o|"
            + "conclusões|sumário|sintesi|introduzione|conclusioni)\\b.*");

    private SentenceBias() {
    }

    static double[] of(TextModel model) {
        List<Sentence> sentences = model.sentences();
        Analysis analysis = model.analysis();
        int n = sentences.size();
        double[] bias = new double[n];
        int prose = (int) sentences.stream().filter(Sentence::prose).count();
        Set<String> titleStems = titleStems(model);
        int rank = 0;
        int previousBlock = -1;
        int previousHeading = -2;
        boolean firstOfSection = true;
        java.util.Map<Integer, Boolean> keySections = new java.util.HashMap<>(); // by heading: one match each
        TitleTerms title = new TitleTerms(analysis, titleStems);
        for (Sentence s : sentences) {
            if (s.heading() != previousHeading) {
                previousHeading = s.heading();
                firstOfSection = true;
            }
            boolean firstOfBlock = s.block() != previousBlock;
            previousBlock = s.block();
            if (!s.prose()) {
                continue;
            }
            double position = prose <= 1 ? 0 : (double) rank++ / (prose - 1);
            double b = 1 + 1.5 * Math.exp(-position * 8);
            if (firstOfSection) {
                b += 1.0;
                firstOfSection = false;
            }
            if (firstOfBlock) {
                b += 0.5;
            }
            if (s.heading() >= 0 && keySections.computeIfAbsent(s.heading(),
                    h -> KEY_SECTION.matcher(model.blocks().get(h).text()).matches())) {
                b += 1.0;
            }
            if (!titleStems.isEmpty()) {
                b += 2.0 * title.shared(s.index()) / titleStems.size();
            }
            bias[s.index()] = b;
        }
        return bias;
    }

    /** The terms of the title among the document's, by id: how many of them a sentence holds. */
    private static final class TitleTerms {
        private final Analysis analysis;
        private final boolean[] inTitle;
        private final int[] seen; // sentence index + 1 where a term was last counted

        TitleTerms(Analysis analysis, Set<String> titleStems) {
            this.analysis = analysis;
            this.inTitle = new boolean[titleStems.isEmpty() ? 0 : analysis.vocabularySize()];
            for (String stem : titleStems) {
                int t = analysis.termId(stem);
                if (t >= 0) {
                    inTitle[t] = true;
                }
            }
            this.seen = new int[inTitle.length];
        }

        /** How many different title terms sentence {@code s} holds. */
        int shared(int s) {
            int shared = 0;
            for (int t : analysis.terms(s)) {
                if (inTitle[t] && seen[t] != s + 1) {
                    seen[t] = s + 1;
                    shared++;
                }
            }
            return shared;
        }
    }

    private static Set<String> titleStems(TextModel model) {
        String title = model.title();
        if (title == null) {
            List<Block> headings = model.headings();
            title = headings.isEmpty() ? null : headings.get(0).text();
        }
        Set<String> stems = new HashSet<>();
        if (title != null) {
            for (Token t : new Tokenizer(model.language()).tokens(title)) {
                if (t.content()) {
                    stems.add(t.stem());
                }
            }
        }
        return stems;
    }
}
