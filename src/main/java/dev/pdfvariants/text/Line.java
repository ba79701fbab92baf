package dev.pdfvariants.text;

/**
 * One line of text as laid out on its page.
 *
 * @param page     1-based page number
 * @param text     the line's text, words separated by single spaces
 * @param x        left edge, in points from the page's left
 * @param y        baseline, in points from the page's top
 * @param width    horizontal extent in points
 * @param fontSize the dominant font size in points (weighted by characters)
 * @param bold     most of its characters are in a bold font
 */
public record Line(int page, String text, float x, float y, float width, float fontSize, boolean bold) {
}
