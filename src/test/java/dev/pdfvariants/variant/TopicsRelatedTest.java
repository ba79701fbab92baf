package dev.pdfvariants.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.text.Line;
import dev.pdfvariants.text.PageLines;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;
import dev.pdfvariants.text.TextModelBuilder;
import dev.pdfvariants.text.nlp.Analysis;
import dev.pdfvariants.text.nlp.Keyword;

/** The related terms of {@code topics.json}, counted on term ids, as counted on sets of stems. */
class TopicsRelatedTest {
    private static final String[] WORDS = {"water", "meter", "meters", "storm", "drain", "garden", "gardens", "rooftop",
        "roof", "roofs", "city", "heat", "island", "cooling", "the", "of", "and", "in", "was", "were", "NASA", "pH"};

    @Test
    void relatedTermsAgreeWithSetsOfStemsOnRandomDocuments() {
        Random random = new Random(17);
        int found = 0;
        for (int doc = 0; doc < 150; doc++) {
            List<Line> lines = new ArrayList<>();
            int sentences = 5 + random.nextInt(60);
            for (int s = 0; s < sentences; s++) {
                StringBuilder b = new StringBuilder("Then");
                int words = 5 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    b.append(' ').append(WORDS[random.nextInt(random.nextBoolean() ? 8 : WORDS.length)]);
                }
                lines.add(new Line(1, b + ".", 72, 100 + 14 * s, 400, 10, false));
            }
            TextModel model = TextModelBuilder.build(List.of(new PageLines(1, 612, 792, lines)), 1, "en");
            List<Keyword> keywords = model.keywords();
            for (int pick = 0; pick < Math.min(4, keywords.size()); pick++) {
                Keyword main = keywords.get(random.nextInt(keywords.size()));
                List<String> expected = reference(model, main, keywords);
                assertThat(TopicsVariant.related(model, main, keywords)).as("document %d, main %s", doc, main.text())
                        .isEqualTo(expected);
                found += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(found).isGreaterThan(100);
    }

    /** As it was: each prose sentence's stems as a set of strings. */
    private static List<String> reference(TextModel model, Keyword main, List<Keyword> keywords) {
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
        return order.stream().limit(8).map(i -> singles.get(i).text()).toList();
    }
}
