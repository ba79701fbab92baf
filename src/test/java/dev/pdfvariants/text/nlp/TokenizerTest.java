package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Token boundaries with the ASCII shortcuts, as the code-point rules alone draw them. */
class TokenizerTest {
    private static final String[] PIECES = {"word", "Été", "x1", "42", "don't", "co-op", "l’eau", "l'", "'", "-", "’", " ", "  ",
        "\t", "\n", "\u001C", "\u00A0", "\u2003", ".", ",", "(", ")", "\"", "_", "#", "漢字", "ひらがな", "한국어", "\uD835\uDC00",
        "\uD835", "e\u0301", "\u0301", "\u0903", "٣", "ß", "Ωμέγα"};

    @Test
    void tokenBoundariesAgreeWithThePlainRulesOnRandomSentences() throws Exception {
        Random random = new Random(16);
        List<String> sentences = new ArrayList<>();
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            sentences.add(b.toString());
        }
        Tokenizer tokenizer = new Tokenizer(Languages.of("fr"));
        List<List<Token>> tokens = new ArrayList<>();
        for (String sentence : sentences) {
            List<String> actual = new ArrayList<>();
            List<Token> sentenceTokens = tokenizer.tokens(sentence);
            for (Token t : sentenceTokens) {
                actual.add(t.start() + "-" + t.end() + (t.breakBefore() ? "!" : "") + ":" + t.text());
            }
            assertThat(actual).as(sentence).isEqualTo(reference(sentence));
            tokens.add(sentenceTokens);
        }
        // what a thread's table of words gives is what another thread, meeting the words in the
        // opposite order (its table filled and grown differently), works out
        List<List<Token>> other = new ArrayList<>(java.util.Collections.nCopies(sentences.size(), null));
        Thread thread = new Thread(() -> {
            Tokenizer fresh = new Tokenizer(Languages.of("fr"));
            for (int i = sentences.size() - 1; i >= 0; i--) {
                other.set(i, fresh.tokens(sentences.get(i)));
            }
        });
        thread.start();
        thread.join();
        assertThat(tokens).isEqualTo(other);
    }

    /** Tokens as the code-point rules draw them: start-end, ! for a break before, and the text. */
    private static List<String> reference(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        boolean pendingBreak = false;
        while (i < n) {
            int c = s.codePointAt(i);
            if (Tokenizer.isCjk(c)) {
                int end = i;
                while (end < n && Tokenizer.isCjk(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                int[] cps = s.substring(i, end).codePoints().toArray();
                int[] at = new int[cps.length + 1];
                at[0] = i;
                for (int k = 0; k < cps.length; k++) {
                    at[k + 1] = at[k] + Character.charCount(cps[k]);
                }
                if (cps.length == 1) {
                    out.add(i + "-" + end + (pendingBreak && !out.isEmpty() ? "!" : "") + ":" + s.substring(i, end));
                } else {
                    for (int k = 0; k + 1 < cps.length; k++) {
                        out.add(at[k] + "-" + at[k + 2] + (k == 0 && pendingBreak && !out.isEmpty() ? "!" : "") + ":"
                                + s.substring(at[k], at[k + 2]));
                    }
                }
                pendingBreak = false;
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i + Character.charCount(c);
                while (end < n) {
                    int d = s.codePointAt(end);
                    if (Character.isLetterOrDigit(d) && !Tokenizer.isCjk(d) || Character.getType(d) == Character.NON_SPACING_MARK
                            || Character.getType(d) == Character.COMBINING_SPACING_MARK) {
                        end += Character.charCount(d);
                    } else if ((d == '\'' || d == '’' || d == '-') && end + 1 < n && Character.isLetterOrDigit(s.codePointAt(end + 1))) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                out.add(i + "-" + end + (pendingBreak && !out.isEmpty() ? "!" : "") + ":" + s.substring(i, end));
                pendingBreak = false;
                i = end;
            } else {
                if (!Character.isWhitespace(c) && c != '-' && c != '\'' && c != '’') {
                    pendingBreak = true;
                }
                i += Character.charCount(c);
            }
        }
        return out;
    }
}
