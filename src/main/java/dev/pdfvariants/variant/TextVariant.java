package dev.pdfvariants.variant;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;

/**
 * {@code text.txt}: every page's text, pages separated by a form feed ({@code \f}, as pdftotext
 * does); and {@code text.md}, the same text under one heading per page.
 */
final class TextVariant implements Variant {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "plain text of every page, pages separated by form feeds; and Markdown with a heading per page";
    }

    @Override
    public List<String> outputs() {
        return List.of("text.txt", "text.md");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        return Map.of("text-order", settings.textOrder().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        List<String> pages = document.pageTexts().pages();
        out.writeText("text.txt", w -> plain(pages, w));
        out.writeText("text.md", w -> markdown(pages, w));
    }

    /** {@code text.txt}: the pages' text, separated by form feeds; written page by page. */
    static void plain(List<String> pages, Writer out) throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                out.write('\f');
            }
            out.write(pages.get(i));
        }
    }

    /**
     * {@code text.md}: a heading per page, then its lines as hard line breaks (two spaces before
     * each newline), lines that would read as Markdown syntax escaped; a page without text says so.
     */
    static void markdown(List<String> pages, Writer out) throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            out.write("## Page ");
            out.write(Integer.toString(i + 1));
            out.write("\n\n");
            String page = pages.get(i);
            if (page.isBlank()) {
                out.write("*(no text on this page)*\n");
            } else {
                writeEscapedLines(page, out);
            }
        }
    }

    /**
     * The text's lines joined by hard line breaks, a backslash before a line starting like
     * Markdown syntax (a leading {@code #}, {@code >}, {@code -} …) so that it is not read as such.
     * Written through {@link Writer#write(String, int, int)}: no line is copied into a string of its own.
     */
    private static void writeEscapedLines(String text, Writer out) throws IOException {
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            if (end > start && MARKDOWN_STARTS.indexOf(text.charAt(start)) >= 0) {
                out.write('\\');
            }
            out.write(text, start, end - start);
            if (newline < 0) {
                return;
            }
            out.write("  \n");
            start = newline + 1;
        }
    }

    /** First characters that make a line Markdown syntax. */
    private static final String MARKDOWN_STARTS = "#>-+*|=`";
}
