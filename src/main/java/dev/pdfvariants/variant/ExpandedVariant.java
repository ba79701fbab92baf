package dev.pdfvariants.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import dev.pdfvariants.text.nlp.Language;

/**
 * {@code expanded.md}: every section of the document rewritten by the language model for a
 * reader new to the subject: each statement kept, in order, with explanations of its terms,
 * background and examples added; in the document's own language, under the document's own
 * headings. A long section is expanded chunk by chunk.
 */
final class ExpandedVariant implements Variant {
    /** The version of the instructions below: part of every chunk's key. */
    static final int PROMPT_VERSION = 1;
    /** An expansion is about this many times as long as its source, in tokens. */
    private static final double GROWTH = 3;

    @Override
    public String name() {
        return "expanded";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.PROVIDER;
    }

    @Override
    public String description() {
        return "each section expanded by a language model with explanations, background and examples "
                + "(Markdown; needs --provider-url)";
    }

    @Override
    public List<String> outputs() {
        return List.of("expanded.md");
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
        return Provided.options(settings.provider(), PROMPT_VERSION, false);
    }

    static String instructions(String language) {
        return "You are an expert teacher. The user sends a passage of a document, with the document's title and "
                + "the section it comes from. Rewrite the passage, expanded for a reader new to the subject: keep "
                + "every statement, in the same order, and add clear explanations of its terms and ideas, the "
                + "background it assumes, and short examples where they help. Do not invent facts about the "
                + "document itself. Write in " + language + ". Use Markdown paragraphs and lists; keep any headings "
                + "of the passage as they are and add no other heading. Answer with the expanded passage only.";
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        LanguageModel lm = Provided.model(document);
        ProviderSettings settings = lm.settings();
        TextModel model = Content.prose(document);
        String title = Content.title(document, model);
        String system = instructions(languageOf(model.language()));
        Chunker chunker = new Chunker(Provided.budget(settings, system, GROWTH));

        List<ChatRequest> requests = new ArrayList<>();
        List<Provided.Part> parts = Provided.parts(document, model);
        List<Integer> partOfRequest = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Provided.Part part = parts.get(p);
            String context = "Document: " + title + "\nSection: " + (part.title() != null ? part.title() : "(opening)")
                    + "\n\nPassage:\n\n";
            if (!part.prose()) {
                continue; // names, labels, table rows: nothing to explain
            }
            for (String chunk : chunker.pack(part.units())) {
                requests.add(new ChatRequest(system, context + chunk));
                partOfRequest.add(p);
            }
        }
        if (requests.isEmpty()) {
            throw new VariantSkipped("no section holds text to expand");
        }
        List<Completion> answers = Provided.ask(document, lm, name(), PROMPT_VERSION, requests);

        StringBuilder md = new StringBuilder("# ").append(Content.inline(title)).append("\n");
        int next = 0;
        for (int p = 0; p < parts.size(); p++) {
            Provided.Part part = parts.get(p);
            if (part.title() != null) {
                md.append('\n').append(Provided.hashes(part.level())).append(' ').append(Content.inline(part.title()))
                        .append('\n');
            }
            if (!part.prose()) {
                for (var unit : part.units()) {
                    md.append('\n').append(unit.text()).append('\n');
                }
            }
            for (; next < requests.size() && partOfRequest.get(next) == p; next++) {
                md.append('\n').append(answers.get(next).content().strip()).append('\n');
            }
        }
        md.append("\n---\n*Expanded with explanations by the language model ").append(Content.inline(settings.model()))
                .append(".*\n");
        out.writeString("expanded.md", md);
    }

    /** The document's language by name for the instructions, or the passage's own when it is not known. */
    static String languageOf(Language language) {
        if (language == null || language.code() == null || language.code().equals("und")) {
            return "the language of the passage";
        }
        String name = Locale.forLanguageTag(language.code()).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(language.code()) ? "the language of the passage" : name;
    }
}
