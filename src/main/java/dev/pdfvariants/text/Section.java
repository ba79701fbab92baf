package dev.pdfvariants.text;

/**
 * A stretch of the document under one outline entry.
 *
 * @param title the entry's title, or null for text before the first entry
 * @param level the entry's level (0 for the untitled opening)
 * @param page  the page it starts on, or null
 * @param from  index of its first sentence
 * @param to    index after its last sentence (equal to {@code from} when it holds no sentence)
 */
public record Section(String title, int level, Integer page, int from, int to) {
    public boolean isEmpty() {
        return from >= to;
    }
}
