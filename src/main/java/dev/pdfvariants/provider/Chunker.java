package dev.pdfvariants.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into chunks that fit the model's context, at the best boundary available: whole
 * units (a paragraph, or a heading with the paragraph after it) are packed together up to the
 * budget; a unit too long for one chunk is cut between sentences; a sentence too long for one
 * chunk is cut between words (or, in text without spaces, between characters). Order is kept:
 * joining the chunks with blank lines gives the text back.
 */
public final class Chunker {
    private final int budget;

    /** @param budget the most tokens ({@link TokenEstimate}) of text in one chunk */
    public Chunker(int budget) {
        if (budget < 8) {
            throw new IllegalArgumentException("a chunk budget of " + budget + " tokens is too small");
        }
        this.budget = budget;
    }

    /**
     * A piece of Markdown kept whole when it fits: {@code prefix} (a heading line, or empty) and
     * the sentences of one paragraph.
     */
    public record Unit(String prefix, List<String> sentences) {
        public Unit {
            sentences = List.copyOf(sentences);
        }

        /** The unit as Markdown: the prefix, then the sentences joined by spaces. */
        public String text() {
            String body = String.join(" ", sentences);
            return prefix.isEmpty() ? body : body.isEmpty() ? prefix.strip() : prefix + body;
        }
    }

    /** The chunks of {@code units}, in order, each within the budget (except a single word longer than it). */
    public List<String> pack(List<Unit> units) {
        List<String> pieces = new ArrayList<>();
        for (Unit unit : units) {
            String text = unit.text();
            if (text.isBlank()) {
                continue;
            }
            if (TokenEstimate.of(text) <= budget) {
                pieces.add(text);
            } else {
                pieces.addAll(split(unit));
            }
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && TokenEstimate.of(current) + 1 + TokenEstimate.of(piece) > budget) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A unit too long for one chunk, as pieces that fit: sentences grouped, long sentences cut. */
    private List<String> split(Unit unit) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder(unit.prefix());
        for (String sentence : unit.sentences()) {
            List<String> parts = TokenEstimate.of(sentence) <= budget ? List.of(sentence) : cut(sentence);
            for (String part : parts) {
                String joined = current.length() == 0 || endsWithNewline(current) ? part : " " + part;
                if (current.length() > 0 && TokenEstimate.of(current) + TokenEstimate.of(joined) > budget) {
                    pieces.add(current.toString().strip());
                    current.setLength(0);
                    joined = part;
                }
                current.append(joined);
            }
        }
        if (!current.toString().isBlank()) {
            pieces.add(current.toString().strip());
        }
        return pieces;
    }

    private static boolean endsWithNewline(CharSequence s) {
        return s.length() > 0 && s.charAt(s.length() - 1) == '\n';
    }

    /** A sentence longer than the budget, cut between words, or between characters when it has no spaces. */
    private List<String> cut(String sentence) {
        List<String> parts = new ArrayList<>();
        String[] words = sentence.split(" ");
        boolean spaced = words.length > 1;
        StringBuilder current = new StringBuilder();
        for (String word : spaced ? words : sentence.codePoints().mapToObj(Character::toString).toArray(String[]::new)) {
            String joined = current.length() == 0 || !spaced ? word : " " + word;
            if (current.length() > 0 && TokenEstimate.of(current) + TokenEstimate.of(joined) > budget) {
                parts.add(current.toString());
                current.setLength(0);
                joined = word;
            }
            current.append(joined);
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }
}
