package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.Block;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/**
 * {@code abridged.md}: the document condensed to {@code --abridged-ratio} of its running text,
 * keeping its best-ranked sentences in their original order, under their headings.
 */
final class AbridgedVariant implements Variant {

    @Override
    public String name() {
        return "abridged";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "the document condensed to a share of its text (--abridged-ratio), sentences in original order";
    }

    @Override
    public List<String> outputs() {
        return List.of("abridged.md");
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
    public Map<String, Object> options(VariantSettings settings) {
        return Map.of("abridged-ratio", settings.content().abridgedRatio());
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        TextModel model = Content.prose(document);
        Set<Integer> kept = keep(model, document.settings().content().abridgedRatio());
        StringBuilder md = new StringBuilder("# ").append(Content.inline(Content.title(document, model))).append("\n");
        int lastBlock = -1;
        int lastHeadingWritten = -1;
        for (Sentence s : model.sentences()) {
            if (!kept.contains(s.index())) {
                continue;
            }
            if (s.heading() >= 0 && s.heading() != lastHeadingWritten) {
                Block h = model.blocks().get(s.heading());
                md.append('\n').append("#".repeat(Math.min(5, h.level() + 1))).append(' ').append(Content.inline(h.text())).append('\n');
                lastHeadingWritten = s.heading();
                lastBlock = -1;
            }
            md.append(s.block() != lastBlock ? "\n" : " ").append(Content.inline(s.text()));
            lastBlock = s.block();
        }
        md.append("\n\n---\n*Abridged to about ").append(Math.round(document.settings().content().abridgedRatio() * 100))
                .append(" % of the text.*\n");
        out.writeString("abridged.md", md);
    }

    /** The best sentences until their length reaches the ratio of all prose. */
    static Set<Integer> keep(TextModel model, double ratio) {
        double[] scores = model.sentenceScores();
        List<Sentence> prose = new ArrayList<>(model.sentences().stream().filter(Sentence::prose).toList());
        long total = prose.stream().mapToLong(s -> s.text().length()).sum();
        prose.sort(Comparator.comparingDouble((Sentence s) -> -scores[s.index()]).thenComparingInt(Sentence::index));
        Set<Integer> kept = new HashSet<>();
        long length = 0;
        for (Sentence s : prose) {
            if (length >= total * ratio && !kept.isEmpty()) {
                break;
            }
            kept.add(s.index());
            length += s.text().length();
        }
        return kept;
    }
}
