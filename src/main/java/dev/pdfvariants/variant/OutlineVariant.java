package dev.pdfvariants.variant;

import java.util.List;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.Outline;
import dev.pdfvariants.text.OutlineEntry;

/**
 * {@code outline.json} / {@code outline.md}: the document's bookmarks (titles, levels, target
 * pages) when it has any; otherwise the headings detected from font size, weight and numbering.
 */
final class OutlineVariant implements Variant {

    @Override
    public String name() {
        return "outline";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "the bookmarks (title, level, page), or headings detected from font size, weight and numbering";
    }

    @Override
    public List<String> outputs() {
        return List.of("outline.json", "outline.md");
    }

    @Override
    public int version() {
        return 2; // 2: new heading detection, so other headings, sections and sentences
    }

    @Override
    public boolean usesTextModel() {
        return true;
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        Outline outline;
        if (!document.pageTexts().hasTextLayer()) {
            outline = new Outline(Outline.BOOKMARKS, dev.pdfvariants.text.Bookmarks.read(document.pdf()));
            if (outline.entries().isEmpty()) {
                throw new VariantSkipped("no bookmarks, and no text layer to find headings in (a scan: run OCR first)");
            }
        } else {
            outline = document.outline();
        }
        if (outline.entries().isEmpty()) {
            throw new VariantSkipped("no bookmarks, and no headings stand out from the text by size, weight or numbering");
        }
        StringBuilder md = new StringBuilder("# Outline: ")
                .append(Content.inline(Content.title(document, outline.source().equals(Outline.HEADINGS)
                        ? document.textModel() : null)))
                .append("\n\n*").append(outline.source().equals(Outline.BOOKMARKS) ? "From the document's bookmarks."
                        : "Headings detected in the text (the document has no bookmarks).").append("*\n\n");
        for (OutlineEntry e : outline.entries()) {
            md.append("  ".repeat(Math.max(0, e.level() - 1))).append("- ").append(Content.inline(e.title()));
            if (e.page() != null) {
                md.append(" (p. ").append(e.page()).append(')');
            }
            md.append('\n');
        }
        out.writeJson("outline.json", new Json(outline.source(), outline.entries().size(), outline.entries()));
        out.writeString("outline.md", md);
    }

    record Json(String source, int count, List<OutlineEntry> entries) {
    }
}
