package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.text.KeySentences;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/** {@code highlights.json}: the document's key sentences, best first, with page numbers and 0..1 scores. */
final class HighlightsVariant implements Variant {

    @Override
    public String name() {
        return "highlights";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "key sentences, best first, with page number and a 0..1 score (JSON)";
    }

    @Override
    public List<String> outputs() {
        return List.of("highlights.json");
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
        return Map.of("highlights", settings.content().highlights());
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        TextModel model = Content.prose(document);
        double[] scores = KeySentences.normalised(model);
        List<Highlight> highlights = new ArrayList<>();
        int rank = 0;
        for (Sentence s : KeySentences.top(model, document.settings().content().highlights())) {
            highlights.add(new Highlight(++rank, s.text(), s.page(), scores[s.index()]));
        }
        out.writeJson("highlights.json", new Highlights(model.language().code(), highlights));
    }

    record Highlight(int rank, String text, int page, double score) {
    }

    record Highlights(String language, List<Highlight> highlights) {
    }
}
