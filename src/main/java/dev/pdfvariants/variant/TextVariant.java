package dev.pdfvariants.variant;

import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.PageTexts;
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
        PageTexts texts = document.pageTexts();
        StringBuilder plain = new StringBuilder();
        StringBuilder markdown = new StringBuilder();
        List<String> pages = texts.pages();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                plain.append('\f');
                markdown.append('\n');
            }
            plain.append(pages.get(i));
            markdown.append("## Page ").append(i + 1).append("\n\n");
            markdown.append(pages.get(i).isBlank() ? "*(no text on this page)*\n" : escapeMarkdownStarts(pages.get(i)));
        }
        out.writeString("text.txt", plain);
        out.writeString("text.md", markdown);
    }

    /** Keeps lines that look like Markdown syntax (a leading {@code #}, {@code >}, {@code -} …) from being read as such. */
    private static String escapeMarkdownStarts(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && "#>-+*|=`".indexOf(line.charAt(0)) >= 0) {
                out.append('\\');
            }
            out.append(line).append("  \n");
        }
        // split(-1) left one empty trailing line for the text's final newline
        out.setLength(Math.max(0, out.length() - 3));
        return out.toString();
    }
}
