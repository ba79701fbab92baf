package dev.pdfvariants.slides;

import java.util.List;

/**
 * A slide deck: a title slide, then content slides.
 *
 * @param title    the deck's title (from the document)
 * @param subtitle a line under the title, or null
 * @param slides   the content slides
 */
public record Deck(String title, String subtitle, List<Slide> slides) {
    public Deck {
        slides = List.copyOf(slides);
    }

    /** Slides including the title slide: the page count of the rendered PDF. */
    public int pageCount() {
        return slides.size() + 1;
    }

    /** The deck as Markdown slides separated by {@code ---} (the convention of Marp, reveal.js and others). */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(title)).append('\n');
        if (subtitle != null) {
            md.append('\n').append(escape(subtitle)).append('\n');
        }
        for (Slide s : slides) {
            md.append("\n---\n\n## ").append(escape(s.title())).append('\n');
            if (s.page() != null) {
                md.append("\n*p. ").append(s.page()).append("*\n");
            }
            md.append('\n');
            for (String p : s.points()) {
                md.append("- ").append(escape(p)).append('\n');
            }
        }
        return md.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        String s = out.toString();
        return !s.isEmpty() && "#>-+=".indexOf(s.charAt(0)) >= 0 ? "\\" + s : s;
    }
}
