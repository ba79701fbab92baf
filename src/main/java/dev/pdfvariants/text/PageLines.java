package dev.pdfvariants.text;

import java.util.List;

/**
 * The lines of one page, in reading order (the order the text extraction produced them).
 *
 * @param page   1-based page number
 * @param width  page width in points
 * @param height page height in points
 * @param lines  its lines
 */
public record PageLines(int page, float width, float height, List<Line> lines) {
    public PageLines {
        lines = List.copyOf(lines);
    }
}
