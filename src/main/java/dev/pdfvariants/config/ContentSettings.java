package dev.pdfvariants.config;

/**
 * Options of the content variants (summary, highlights, topics, quiz, presentation, abridged).
 *
 * @param summarySentences sentences in the summary, or null to use {@code summaryRatio} or the default
 * @param summaryRatio     share of the document's sentences in the summary (0..1], or null
 * @param abridgedRatio    share of the document's text kept by {@code abridged} (0..1]
 * @param highlights       sentences listed by {@code highlights}
 * @param keywords         key terms (and as many key phrases) listed by {@code topics}
 * @param quizQuestions    questions written by {@code quiz}
 * @param slidePoints      key points per slide of {@code presentation} (3 to 5 reads best)
 */
public record ContentSettings(Integer summarySentences, Double summaryRatio, double abridgedRatio, int highlights,
        int keywords, int quizQuestions, int slidePoints) {

    public static final int DEFAULT_SUMMARY_SENTENCES = 5;

    public ContentSettings {
        if (summarySentences != null && summaryRatio != null) {
            throw new IllegalArgumentException("--summary-sentences and --summary-ratio exclude each other: give one");
        }
        if (summarySentences != null && summarySentences < 1) {
            throw new IllegalArgumentException("--summary-sentences must be at least 1, got " + summarySentences);
        }
        requireRatio("--summary-ratio", summaryRatio);
        requireRatio("--abridged-ratio", abridgedRatio);
        requireAtLeastOne("--highlights", highlights);
        requireAtLeastOne("--keywords", keywords);
        requireAtLeastOne("--quiz-questions", quizQuestions);
        if (slidePoints < 1 || slidePoints > 8) {
            throw new IllegalArgumentException("--slide-points must be between 1 and 8, got " + slidePoints);
        }
    }

    public static ContentSettings defaults() {
        return new ContentSettings(null, null, 0.3, 10, 20, 10, 5);
    }

    private static void requireRatio(String option, Double ratio) {
        if (ratio != null && !(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException(option + " must be a share above 0 and at most 1 (e.g. 0.2), got " + ratio);
        }
    }

    private static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }
}
