package dev.pdfvariants.variant;

import java.util.List;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.KeySentences;
import dev.pdfvariants.text.Section;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/** {@code notes.md}: per outline section, the one or two sentences that carry it. */
final class NotesVariant implements Variant {
    private static final int PER_SECTION = 2;

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "study notes: per outline section, the one or two sentences that carry it (Markdown)";
    }

    @Override
    public List<String> outputs() {
        return List.of("notes.md");
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
        TextModel model = Content.prose(document);
        StringBuilder md = new StringBuilder("# Notes: ").append(Content.inline(Content.title(document, model))).append("\n");
        int written = 0;
        for (Section section : document.outline().sections(model)) {
            List<Sentence> key = KeySentences.inOrder(KeySentences.top(model, section, PER_SECTION));
            if (key.isEmpty()) {
                continue;
            }
            String heading = section.title() != null ? section.title() : "Opening";
            int depth = Math.min(4, Math.max(1, section.level()));
            md.append('\n').append("#".repeat(depth + 1)).append(' ').append(Content.inline(heading));
            if (section.page() != null) {
                md.append(" (p. ").append(section.page()).append(')');
            }
            md.append("\n\n");
            for (Sentence s : key) {
                md.append("- ").append(Content.inline(s.text())).append('\n');
            }
            written++;
        }
        if (written == 0) {
            throw new VariantSkipped("no section holds a sentence to take notes from");
        }
        out.writeString("notes.md", md);
    }
}
