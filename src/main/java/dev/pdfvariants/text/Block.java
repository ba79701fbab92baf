package dev.pdfvariants.text;

/**
 * A paragraph or heading: consecutive lines that belong together, joined into one text with
 * hyphenation across line ends undone.
 *
 * @param index    position in the document's block list
 * @param heading  true when detected as a heading
 * @param level    heading level (1 = top), 0 for paragraphs
 * @param text     the joined text
 * @param page     page of its first line
 * @param y        baseline of its first line, from the page's top
 * @param fontSize its dominant font size
 * @param bold     its lines are bold
 * @param lines    how many lines it spans
 */
public record Block(int index, boolean heading, int level, String text, int page, float y, float fontSize,
        boolean bold, int lines) {

    Block asHeading(int headingLevel) {
        return new Block(index, true, headingLevel, text, page, y, fontSize, bold, lines);
    }

    Block withIndex(int i) {
        return new Block(i, heading, level, text, page, y, fontSize, bold, lines);
    }
}
