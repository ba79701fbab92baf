package dev.pdfvariants.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.testing.Corpus;

/**
 * The acceptance figures of the content variants, measured the way {@code bench/quality-eval.sh}
 * measures them, on the shared corpus and the samples: the summary beats both baselines, and
 * heading detection (bookmarks hidden) reaches precision 0.8 and recall 0.7 at the depth the
 * bookmarks cover.
 */
class QualityEvaluationTest {

    @Test
    void onTheCorpusSummariesBeatTheBaselinesAndHeadingsMatchTheBookmarks() throws IOException {
        QualityEvaluation e = new QualityEvaluation();
        e.run(List.of(Corpus.require(), Corpus.samples()));

        assertThat(e.headingDocuments()).isGreaterThanOrEqualTo(8);
        assertThat(e.depthMatched().precision()).as(e.depthMatched().describe()).isGreaterThanOrEqualTo(0.8);
        assertThat(e.depthMatched().recall()).as(e.depthMatched().describe()).isGreaterThanOrEqualTo(0.7);
        assertThat(e.strict().recall()).as(e.strict().describe()).isGreaterThanOrEqualTo(0.7);
        double[][] rouge = e.rougeMeans();
        assertThat(e.summaryDocuments()).isGreaterThanOrEqualTo(5);
        for (int metric : new int[] {0, 2}) { // ROUGE-1 and ROUGE-L
            assertThat(rouge[0][metric]).isGreaterThan(rouge[1][metric]).isGreaterThan(rouge[2][metric]);
        }
    }

    @Test
    void titlesMatchUpToNumberingCaseSpacingPunctuationAndWordOrder() {
        assertThat(QualityEvaluation.same("4.1 control", "control")).isTrue();
        assertThat(QualityEvaluation.same("1.1 Debian的社会驱动力", "Debian 的社会驱动力")).isTrue();
        assertThat(QualityEvaluation.same("A.1 共享库", "共享库")).isTrue();
        assertThat(QualityEvaluation.same("DESENHO E IMPLEMENTAÇÃO DA AMOSTRA Apêndice A",
                "Apêndice A - Desenho e Implementação da Amostra")).isTrue();
        assertThat(QualityEvaluation.same("Chapter 4. Viewing the Data", "Viewing the data")).isTrue();
        assertThat(QualityEvaluation.same("Selecting rows", "Selecting rows using the IN predicate")).isFalse();
        assertThat(QualityEvaluation.same("Water", "Transport of water samples")).isFalse();
    }
}
