package dev.pdfvariants.cli;

import dev.pdfvariants.config.ContentSettings;
import picocli.CommandLine.Option;

/** The options of the content variants, mixed into {@code run}. */
final class ContentOptions {
    @Option(names = "--summary-sentences", paramLabel = "N",
            description = "Sentences in the summary. Default: " + ContentSettings.DEFAULT_SUMMARY_SENTENCES
                    + " (or --summary-ratio).")
    Integer summarySentences;

    @Option(names = "--summary-ratio", paramLabel = "R",
            description = "Summary length as a share of the document's sentences, e.g. 0.05 (instead of --summary-sentences).")
    Double summaryRatio;

    @Option(names = "--abridged-ratio", paramLabel = "R", defaultValue = "0.3",
            description = "Share of the text the abridged version keeps. Default: ${DEFAULT-VALUE}.")
    double abridgedRatio;

    @Option(names = "--highlights", paramLabel = "N", defaultValue = "10",
            description = "Key sentences listed by the highlights variant. Default: ${DEFAULT-VALUE}.")
    int highlights;

    @Option(names = "--keywords", paramLabel = "N", defaultValue = "20",
            description = "Key terms (and key phrases) listed by the topics variant. Default: ${DEFAULT-VALUE}.")
    int keywords;

    @Option(names = "--quiz-questions", paramLabel = "N", defaultValue = "10",
            description = "Questions in the quiz. Default: ${DEFAULT-VALUE}.")
    int quizQuestions;

    @Option(names = "--slide-points", paramLabel = "N", defaultValue = "5",
            description = "Key points per slide of the presentation (1-8). Default: ${DEFAULT-VALUE}.")
    int slidePoints;

    /** The settings, validated; a bad combination is a usage error naming the option. */
    ContentSettings toSettings() {
        return new ContentSettings(summarySentences, summaryRatio, abridgedRatio, highlights, keywords, quizQuestions,
                slidePoints);
    }
}
