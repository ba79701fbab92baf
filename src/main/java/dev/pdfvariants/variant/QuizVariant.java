package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.KeySentences;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;
import dev.pdfvariants.text.nlp.Keyword;
import dev.pdfvariants.text.nlp.Token;

/**
 * {@code quiz.json} / {@code quiz.md}: cloze questions made from key sentences: a key term of the
 * document is blanked out; the answer, its page, and distractors taken from other key terms.
 */
final class QuizVariant implements Variant {
    static final String BLANK = "_____";
    private static final int DISTRACTORS = 3;

    @Override
    public String name() {
        return "quiz";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "cloze questions from key sentences: a key term blanked, with answer, page and distractors";
    }

    @Override
    public List<String> outputs() {
        return List.of("quiz.json", "quiz.md");
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
        return Map.of("quiz-questions", settings.content().quizQuestions());
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        TextModel model = Content.prose(document);
        int wanted = document.settings().content().quizQuestions();
        List<Keyword> keywords = model.keywords();
        List<Question> questions = new ArrayList<>();
        Set<String> usedAnswers = new HashSet<>();
        for (Sentence s : KeySentences.top(model, wanted * 4)) {
            if (questions.size() == wanted) {
                break;
            }
            Question q = question(model, s, keywords, usedAnswers, questions.size() + 1);
            if (q != null) {
                questions.add(q);
            }
        }
        if (questions.isEmpty()) {
            throw new VariantSkipped("no key sentence holds one of the document's key terms to ask about");
        }
        questions.sort(java.util.Comparator.comparingInt(Question::page).thenComparing(Question::sentence));
        List<Question> numbered = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Quiz: ").append(Content.inline(Content.title(document, model))).append("\n");
        StringBuilder answers = new StringBuilder("\n## Answers\n\n");
        for (Question q : questions) {
            Question n = q.numbered(numbered.size() + 1);
            numbered.add(n);
            md.append("\n**").append(n.number()).append(".** ").append(Content.inline(n.question())).append(" *(p. ")
                    .append(n.page()).append(")*\n\n");
            char letter = 'a';
            for (String option : n.options()) {
                md.append("   ").append(letter++).append(") ").append(Content.inline(option)).append('\n');
            }
            answers.append(n.number()).append(". ").append(Content.inline(n.answer())).append('\n');
        }
        out.writeJson("quiz.json", new Quiz(model.language().code(), numbered.size(), numbered));
        out.writeString("quiz.md", md.append(answers));
    }

    private static Question question(TextModel model, Sentence s, List<Keyword> keywords, Set<String> usedAnswers,
            int number) {
        List<Token> tokens = model.analysis().tokens(s.index());
        for (Keyword k : keywords) {
            String key = String.join(" ", k.stems());
            if (usedAnswers.contains(key)) {
                continue;
            }
            int at = find(tokens, k.stems());
            if (at < 0) {
                continue;
            }
            Token first = tokens.get(at);
            Token last = tokens.get(at + k.words() - 1);
            String answer = s.text().substring(first.start(), last.end());
            if (answer.length() * 2 > s.text().length() || first.start() == 0 && last.end() == s.text().length()) {
                continue;
            }
            List<String> distractors = distractors(k, keywords, tokens, answer);
            if (distractors.size() < DISTRACTORS) {
                continue;
            }
            usedAnswers.add(key);
            String question = s.text().substring(0, first.start()) + BLANK + s.text().substring(last.end());
            List<String> options = new ArrayList<>(distractors);
            options.add(answer);
            options.sort(String.CASE_INSENSITIVE_ORDER);
            return new Question(number, question, answer, s.page(), options, distractors, s.text());
        }
        return null;
    }

    /** Where the keyword's stems occur as consecutive tokens, or -1. */
    private static int find(List<Token> tokens, List<String> stems) {
        outer:
        for (int i = 0; i + stems.size() <= tokens.size(); i++) {
            for (int k = 0; k < stems.size(); k++) {
                if (!tokens.get(i + k).stem().equals(stems.get(k))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Other key terms of the same length in words, absent from the sentence, closest in rank first. */
    private static List<String> distractors(Keyword answer, List<Keyword> keywords, List<Token> tokens, String answerText) {
        Set<String> inSentence = new HashSet<>();
        for (Token t : tokens) {
            inSentence.add(t.stem());
        }
        List<String> picked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(answerText.toLowerCase(Locale.ROOT));
        for (int pass = 0; pass < 2 && picked.size() < DISTRACTORS; pass++) {
            for (Keyword k : keywords) {
                if (picked.size() == DISTRACTORS) {
                    break;
                }
                boolean sameShape = k.words() == answer.words();
                if ((pass == 0) != sameShape || k.stems().stream().anyMatch(inSentence::contains)
                        || k.stems().stream().anyMatch(answer.stems()::contains)) {
                    continue;
                }
                if (seen.add(k.text().toLowerCase(Locale.ROOT))) {
                    picked.add(k.text());
                }
            }
        }
        return picked;
    }

    record Question(int number, String question, String answer, int page, List<String> options,
            List<String> distractors, String sentence) {
        Question numbered(int n) {
            return new Question(n, question, answer, page, options, distractors, sentence);
        }
    }

    record Quiz(String language, int count, List<Question> questions) {
    }
}
