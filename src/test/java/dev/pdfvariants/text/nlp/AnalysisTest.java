package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The analysis keeps tokens in flat arrays and numbers stems through the words the tokenizer
 * knows: what it gives must be what the token lists give, worked out the plain way.
 */
class AnalysisTest {
    private static final String[] WORDS = {"Running", "runs", "ran", "the", "of", "Model", "models", "NASA", "COVID-19",
        "don't", "l'avion", "x", "42", "Été", "l’eau", "co-op", "漢字文化", "ひらがな", "한국어", "的", "αβγ"};
    private static final String[] GAPS = {" ", ", ", "; ", " (", ") ", " - ", "  ", "\u00A0", ". "};

    @Test
    void tokensTermsAndFrequenciesAreThoseOfTheTokenLists() {
        Random random = new Random(7);
        for (String code : new String[] {"en", "fr", "de", "zh"}) {
            for (int document = 0; document < 40; document++) {
                List<String> sentences = randomSentences(random);
                Analysis analysis = Analysis.of(Languages.of(code), sentences);
                assertThat(analysis.sentenceCount()).isEqualTo(sentences.size());
                Reference expected = new Reference(Languages.of(code), sentences);
                for (int s = 0; s < sentences.size(); s++) {
                    assertThat(analysis.tokens(s)).as("%s: %s", code, sentences.get(s)).isEqualTo(expected.tokens.get(s));
                    assertThat(analysis.terms(s)).as(sentences.get(s)).containsExactly(expected.terms.get(s));
                    int[] stems = stemNumbers(analysis, s);
                    for (int k = 0; k < stems.length; k++) {
                        assertThat(analysis.stem(stems[k])).isEqualTo(expected.tokens.get(s).get(k).stem());
                    }
                }
                assertThat(analysis.vocabularySize()).isEqualTo(expected.vocabulary.size());
                for (int t = 0; t < analysis.vocabularySize(); t++) {
                    assertThat(analysis.term(t)).isEqualTo(expected.vocabulary.get(t));
                    assertThat(analysis.documentFrequency(t)).as(analysis.term(t)).isEqualTo(expected.df.get(t));
                    assertThat(analysis.termId(analysis.term(t))).isEqualTo(t);
                }
                assertThat(analysis.stemCount()).isEqualTo(expected.stems.size());
            }
        }
    }

    @Test
    void eachAnalysisNumbersItsOwnStemsThoughTheThreadRemembersTheWords() {
        Language english = Languages.of("en");
        Analysis first = Analysis.of(english, List.of("Alpha models beta.", "Gamma alpha."));
        // the same words in another order: numbers of the first analysis must not leak into this one
        Analysis second = Analysis.of(english, List.of("Gamma beta.", "Models alpha."));
        assertThat(stemNumbers(first, 0)).containsExactly(0, 1, 2);
        assertThat(first.stem(1)).isEqualTo("model");
        assertThat(stemNumbers(second, 0)).containsExactly(0, 1);
        assertThat(second.stem(0)).isEqualTo("gamma");
        assertThat(stemNumbers(second, 1)).containsExactly(2, 3);
        assertThat(second.terms(1)).containsExactly(2, 3);
        assertThat(second.term(2)).isEqualTo("model");
        // and the first still reads as it did
        assertThat(first.stem(0)).isEqualTo("alpha");
        assertThat(first.tokens(1).get(1).text()).isEqualTo("alpha");
    }

    private static int[] stemNumbers(Analysis analysis, int s) {
        Analysis.Tokens tokens = analysis.tokens();
        return java.util.Arrays.copyOfRange(tokens.stems(), tokens.start()[s], tokens.start()[s + 1]);
    }

    private static List<String> randomSentences(Random random) {
        List<String> sentences = new ArrayList<>();
        for (int s = random.nextInt(30); s >= 0; s--) {
            StringBuilder b = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
                b.append(WORDS[random.nextInt(WORDS.length)]).append(GAPS[random.nextInt(GAPS.length)]);
            }
            sentences.add(b.toString().strip());
        }
        return sentences;
    }

    /** Token lists from the tokenizer, stems and content terms numbered in order of first appearance. */
    private static final class Reference {
        final List<List<Token>> tokens = new ArrayList<>();
        final List<int[]> terms = new ArrayList<>();
        final Map<String, Integer> stems = new LinkedHashMap<>();
        final List<String> vocabulary = new ArrayList<>();
        final List<Integer> df = new ArrayList<>();

        Reference(Language language, List<String> sentences) {
            Tokenizer tokenizer = new Tokenizer(language);
            Map<String, Integer> termIds = new HashMap<>();
            for (String sentence : sentences) {
                List<Token> list = tokenizer.tokens(sentence);
                tokens.add(list);
                List<Integer> ids = new ArrayList<>();
                java.util.Set<Integer> counted = new java.util.HashSet<>();
                for (Token t : list) {
                    stems.putIfAbsent(t.stem(), stems.size());
                    if (t.content()) {
                        int id = termIds.computeIfAbsent(t.stem(), stem -> {
                            vocabulary.add(stem);
                            df.add(0);
                            return vocabulary.size() - 1;
                        });
                        if (counted.add(id)) {
                            df.set(id, df.get(id) + 1);
                        }
                        ids.add(id);
                    }
                }
                terms.add(ids.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }
}
