package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.provider.ChatRequest;
import dev.pdfvariants.provider.Chunker;
import dev.pdfvariants.provider.Completion;
import dev.pdfvariants.provider.LanguageModel;
import dev.pdfvariants.text.TextModel;

/**
 * {@code translated.md}: the document translated into {@code --target-language} by the language
 * model, chunk by chunk within its context: the title, then every section's heading and
 * paragraphs, in order, as Markdown. A document already in the target language is skipped.
 */
final class TranslatedVariant implements Variant {
    /** The version of the instructions below: part of every chunk's key. */
    static final int PROMPT_VERSION = 1;
    /** A translation is at most this many times as long as its source, in tokens. */
    private static final double GROWTH = 1.5;

    @Override
    public String name() {
        return "translated";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.PROVIDER;
    }

    @Override
    public String description() {
        return "the document translated into --target-language by a language model, headings and order kept "
                + "(Markdown; needs --provider-url)";
    }

    @Override
    public List<String> outputs() {
        return List.of("translated.md");
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean usesTextModel() {
        return true;
    }

    @Override
    public Map<String, Object> options(VariantSettings settings) {
        return Provided.options(settings.provider(), PROMPT_VERSION, true);
    }

    static String instructions(String language) {
        return "You are a professional translator. Translate the Markdown text the user sends into " + language
                + ". Keep its Markdown structure exactly: the same headings (lines starting with #), paragraphs and "
                + "list items, in the same order; translate the headings too. Do not add, leave out, summarise or "
                + "explain anything, and add no notes. Keep numbers, names, formulas and URLs as they are. Answer "
                + "with the translation only.";
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        LanguageModel lm = Provided.model(document);
        ProviderSettings settings = lm.settings();
        if (!document.pageTexts().hasTextLayer()) {
            throw new VariantSkipped("no text layer (a scan or image-only PDF): run OCR first, e.g. ocrmypdf");
        }
        TextModel model = document.textModel();
        if (model.sentences().isEmpty()) {
            throw new VariantSkipped("no text to translate");
        }
        String target = Provided.languageName(settings.targetLanguage());
        String targetCode = Provided.languageCode(settings.targetLanguage());
        if (targetCode != null && targetCode.equals(model.language().code())) {
            throw new VariantSkipped("the document is already in " + target + " (--target-language)");
        }
        String system = instructions(target);
        List<Chunker.Unit> units = new ArrayList<>();
        units.add(new Chunker.Unit("# " + Provided.plain(Content.title(document, model)) + "\n\n", List.of()));
        for (Provided.Part part : Provided.parts(document, model)) {
            String heading = part.title() != null
                    ? Provided.hashes(part.level()) + " " + Provided.plain(part.title()) + "\n\n" : "";
            List<Chunker.Unit> partUnits = part.units();
            if (partUnits.isEmpty()) {
                units.add(new Chunker.Unit(heading, List.of()));
                continue;
            }
            Chunker.Unit first = partUnits.get(0);
            units.add(new Chunker.Unit(heading + first.prefix(), first.sentences()));
            units.addAll(partUnits.subList(1, partUnits.size()));
        }
        List<String> chunks = new Chunker(Provided.budget(settings, system, GROWTH)).pack(units);
        List<ChatRequest> requests = chunks.stream().map(c -> new ChatRequest(system, c)).toList();
        List<Completion> answers = Provided.ask(document, lm, name(), PROMPT_VERSION, requests);

        StringBuilder md = new StringBuilder();
        int changed = 0;
        for (int i = 0; i < chunks.size(); i++) {
            String answer = answers.get(i).content();
            String kept = Provided.keepHeadingLevels(chunks.get(i), answer);
            if (kept == null) {
                changed++;
                kept = answer;
            }
            md.append(kept.strip()).append("\n\n");
        }
        if (changed > 0) {
            document.warn("translated: the model did not keep the headings of " + changed + " of " + chunks.size()
                    + " chunks");
        }
        md.append("---\n*Translated into ").append(Content.inline(target)).append(" by the language model ")
                .append(Content.inline(settings.model())).append(", in ").append(chunks.size())
                .append(chunks.size() == 1 ? " part" : " parts").append(".*\n");
        out.writeString("translated.md", md);
    }
}
