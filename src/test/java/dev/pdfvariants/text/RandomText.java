package dev.pdfvariants.text;

import java.util.Random;

/** Random text for tests that compare a fast rule with a plain one: pieces strung together. */
final class RandomText {
    private RandomText() {
    }

    /** Up to {@code maxParts - 1} pieces, each picked at random. */
    static String of(Random random, String[] pieces, int maxParts) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(maxParts);
        for (int p = 0; p < parts; p++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
