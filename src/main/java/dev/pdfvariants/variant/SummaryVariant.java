package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.pdfvariants.config.ContentSettings;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.KeySentences;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/**
 * {@code summary.md} / {@code summary.json}: an extractive summary, the key sentences of the
 * document (graph ranking with position and section bias) in their original order.
 */
final class SummaryVariant implements Variant {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "extractive summary: key sentences (graph ranking with position and section bias) in document order";
    }

    @Override
    public List<String> outputs() {
        return List.of("summary.md", "summary.json");
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
        ContentSettings c = settings.content();
        Map<String, Object> options = new LinkedHashMap<>();
        if (c.summaryRatio() != null) {
            options.put("summary-ratio", c.summaryRatio());
        } else {
            options.put("summary-sentences", sentences(c));
        }
        return options;
    }

    private static int sentences(ContentSettings c) {
        return c.summarySentences() != null ? c.summarySentences() : ContentSettings.DEFAULT_SUMMARY_SENTENCES;
    }

    /** How many sentences a summary of {@code model} has under these settings. */
    static int length(TextModel model, ContentSettings c) {
        if (c.summaryRatio() != null) {
            long prose = model.sentences().stream().filter(Sentence::prose).count();
            return (int) Math.max(1, Math.round(prose * c.summaryRatio()));
        }
        return sentences(c);
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        TextModel model = Content.prose(document);
        List<Sentence> picked = KeySentences.inOrder(KeySentences.top(model, length(model, document.settings().content())));
        double[] scores = KeySentences.normalised(model);
        String title = Content.title(document, model);

        List<Item> items = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Summary: ").append(Content.inline(title)).append("\n\n");
        for (Sentence s : picked) {
            items.add(new Item(s.text(), s.page(), scores[s.index()]));
            md.append(Content.inline(s.text())).append(' ');
        }
        md.setLength(md.length() - 1);
        md.append("\n\n---\n*").append(picked.size()).append(" of ").append(model.sentences().stream().filter(Sentence::prose).count())
                .append(" sentences, language: ").append(model.language().code()).append("*\n");
        out.writeString("summary.md", md);
        out.writeJson("summary.json", new Summary(title, model.language().code(), items.size(), items,
                String.join(" ", picked.stream().map(Sentence::text).toList())));
    }

    record Item(String text, int page, double score) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(String title, String language, int sentences, List<Item> summary, String text) {
    }
}
