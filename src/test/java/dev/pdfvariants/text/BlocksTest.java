package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written line tests of {@link Blocks} decide exactly what their regular expressions do. */
class BlocksTest {
    private static final String ALPHABET = "ab z09(.)•-*–:;!?\"”»。 \t\n\r\u0085\u2028\u000BAZé▶x";

    @Test
    void listItemsAndSentenceEndsMatchTheirRegularExpressionsOnEdgeCasesAndRandomLines() {
        String[] cases = {"", "-", "- ", "- item", "-item", "• x", "•\nx", "• x\ny", "a. b", "a.b", "(a) b", "(a)b",
            "((a) b", "ab1. x", "abcd. x", "1) x", "(1). x", "A. b", "é. b", "a.\tb", "a.\u2028", "Done.", "Done.\n",
            "Done\n.", "Line\u2028end.", "Quote”", "end:", "end", "。", "12.", "x)"};
        for (String c : cases) {
            check(c);
        }
        Random random = new Random(8);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(8);
            for (int k = 0; k < length; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(sb.toString());
        }
    }

    private static void check(String line) {
        assertThat(Blocks.isListItem(line)).as("list item %s", line.replace("\n", "\\n"))
                .isEqualTo(Blocks.LIST_ITEM.matcher(line).matches());
        assertThat(Blocks.endsSentence(line)).as("sentence end %s", line.replace("\n", "\\n"))
                .isEqualTo(Blocks.ENDS_SENTENCE.matcher(line).matches());
    }
}
