package dev.pdfvariants.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a document's outline.
 *
 * @param title the bookmark's or heading's text
 * @param level 1 for top-level entries
 * @param page  the 1-based target page, or null when a bookmark points nowhere resolvable
 * @param block the heading (or first) block where its section starts in the text model, or -1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutlineEntry(String title, int level, Integer page, @JsonIgnore int block) {
    OutlineEntry at(int blockIndex) {
        return new OutlineEntry(title, level, page, blockIndex);
    }
}
