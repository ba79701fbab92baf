package dev.pdfvariants.text;

/**
 * One sentence of the document's running text.
 *
 * @param index position in the document's sentence list
 * @param text  the sentence, whitespace normalised
 * @param page  the page it starts on
 * @param block   the index of the paragraph block it belongs to
 * @param heading the index of the detected heading block it falls under, or -1 before the first heading
 * @param prose   it reads as a sentence (enough words, mostly letters), not a table row or a fragment
 */
public record Sentence(int index, String text, int page, int block, int heading, boolean prose) {
}
