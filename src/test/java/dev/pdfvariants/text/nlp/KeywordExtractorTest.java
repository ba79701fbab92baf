package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Keyword extraction at its edges: nothing to pick from, and many one-off phrases ahead of the real ones. */
class KeywordExtractorTest {

    @Test
    void textOfStopwordsOnlyHasNoKeywords() {
        Analysis a = Analysis.of(Languages.of("en"), List.of("It is what it is.", "And so it was, and so it is."));
        assertThat(new KeywordExtractor(a, null).extract(10)).isEmpty();
    }

    @Test
    void manyPhrasesSeenOnceDoNotCrowdOutTheRepeatedOnesAndEveryLimitIsFilled() {
        Random random = new Random(8);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // one-off made-up words everywhere, and a few real terms that come back
            StringBuilder s = new StringBuilder("The ");
            for (int w = 0; w < 8; w++) {
                s.append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)))
                        .append((char) ('a' + random.nextInt(26))).append("ix").append(i).append(w).append(' ');
            }
            s.append(i % 3 == 0 ? "with the rooftop garden" : i % 3 == 1 ? "near the storm drain" : "for the water meter");
            sentences.add(s + ".");
        }
        Analysis a = Analysis.of(Languages.of("en"), sentences);
        for (int limit : new int[] {1, 5, 40}) {
            List<Keyword> keywords = new KeywordExtractor(a, null).extract(limit);
            assertThat(keywords).hasSize(Math.min(limit, 11)).allMatch(k -> k.count() >= 2); // 11 phrases recur
            assertThat(keywords).isSortedAccordingTo((x, y) -> Double.compare(x.score(), y.score()));
        }
        assertThat(new KeywordExtractor(a, null).extract(40)).extracting(Keyword::text)
                .contains("rooftop garden", "storm drain", "water meter");
    }
}
