package dev.pdfvariants.slides;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One slide: a title and its key points.
 *
 * @param title  the slide's title
 * @param points bullet points (empty on the title slide)
 * @param page   the document page the slide's section starts on, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Slide(String title, List<String> points, Integer page) {
    public Slide {
        points = List.copyOf(points);
    }
}
