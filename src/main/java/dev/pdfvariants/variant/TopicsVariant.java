package dev.pdfvariants.variant;

import java.util.ArrayList;
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
        int[] together = new int[singles.size()];
        for (Sentence s : model.sentences()) {
            if (!s.prose()) {
                continue;
            }
            Set<String> stems = new HashSet<>();
            for (int t : analysis.terms(s.index())) {
                stems.add(analysis.term(t));
            }
            if (!stems.containsAll(mainStems)) {
                continue;
            }
            for (int i = 0; i < singles.size(); i++) {
                if (stems.contains(singles.get(i).stems().get(0))) {
                    together[i]++;
                }
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

    record Term(String text, double relevance, int count) {
    }

    record Topics(String language, Term mainTopic, List<String> relatedTerms, List<Term> keywords, List<Term> keyphrases) {
    }
}
