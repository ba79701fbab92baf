package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;
import dev.pdfvariants.text.nlp.Analysis;
import dev.pdfvariants.text.nlp.Keyword;

/**
 * {@code topics.json}: key terms and key phrases with a 0..1 relevance (YAKE-style statistics
 * within the document), the main topic, and the terms most often found in the same sentences as it.
 */
final class TopicsVariant implements Variant {
    private static final int RELATED = 8;

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "key terms and phrases with 0..1 relevance (YAKE-like, within the document), main topic, related terms";
    }

    @Override
    public List<String> outputs() {
        return List.of("topics.json");
    }

    @Override
    public int version() {
        return 2; // 2: new heading detection, so other headings, sections and sentences
    }

    @Override
    public boolean usesTextModel() {
        return true;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        return Map.of("keywords", settings.content().keywords());
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        TextModel model = Content.prose(document);
        int limit = document.settings().content().keywords();
        List<Keyword> all = model.keywords();
        if (all.isEmpty()) {
            throw new VariantSkipped("no key terms found in the text");
        }
        List<Term> terms = new ArrayList<>();
        List<Term> phrases = new ArrayList<>();
        for (Keyword k : all) {
            List<Term> target = k.words() == 1 ? terms : phrases;
            if (target.size() < limit) {
                target.add(new Term(k.text(), k.relevance(), k.count()));
            }
        }
        Keyword main = all.get(0);
        out.writeJson("topics.json", new Topics(model.language().code(), new Term(main.text(), main.relevance(),
                main.count()), related(model, main, all), terms, phrases));
    }

    /** The key terms that most often share a sentence with the main topic. */
    static List<String> related(TextModel model, Keyword main, List<Keyword> keywords) {
        Analysis analysis = model.analysis();
        Set<String> mainStems = new HashSet<>(main.stems());
        List<Keyword> singles = keywords.stream().filter(k -> k.words() == 1 && !mainStems.contains(k.stems().get(0)))
                .limit(40).toList();
        // the sentences are read as term ids: which ids are the main topic's stems, which the singles'
        int vocabulary = analysis.vocabularySize();
        int[] single = new int[vocabulary];
        Arrays.fill(single, -1);
        boolean[] inMain = new boolean[vocabulary];
        for (String stem : mainStems) {
            int id = analysis.termId(stem);
            if (id < 0) {
                return List.of(); // a stem of the main topic is no term of any sentence (a stopword inside a phrase)
            }
            inMain[id] = true;
        }
        for (int i = 0; i < singles.size(); i++) {
            int id = analysis.termId(singles.get(i).stems().get(0));
            if (id >= 0) {
                single[id] = i;
            }
        }
        int[] together = new int[singles.size()];
        int[] seen = new int[Math.max(vocabulary, 1)]; // sentence index + 1 where a term was last counted
        for (Sentence s : model.sentences()) {
            if (s.prose()) {
                countTogether(analysis.terms(s.index()), s.index() + 1, inMain, mainStems.size(), single, seen, together);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < singles.size(); i++) {
            if (together[i] > 0) {
                order.add(i);
            }
        }
        order.sort((a, b) -> together[b] != together[a] ? together[b] - together[a] : a - b);
        return order.stream().limit(RELATED).map(i -> singles.get(i).text()).toList();
    }

    /**
     * When the terms of a sentence hold every stem of the main topic, counts each single key term
     * they hold once into {@code together}.
     */
    private static void countTogether(int[] terms, int stamp, boolean[] inMain, int mainSize, int[] single, int[] seen,
            int[] together) {
        int mainHeld = 0;
        for (int t : terms) {
            if (inMain[t] && seen[t] != stamp) {
                seen[t] = stamp;
                mainHeld++;
            }
        }
        if (mainHeld < mainSize) {
            return;
        }
        for (int t : terms) {
            if (single[t] >= 0 && seen[t] != stamp) {
                seen[t] = stamp;
                together[single[t]]++;
            }
        }
    }

    record Term(String text, double relevance, int count) {
    }

    record Topics(String language, Term mainTopic, List<String> relatedTerms, List<Term> keywords, List<Term> keyphrases) {
    }
}
