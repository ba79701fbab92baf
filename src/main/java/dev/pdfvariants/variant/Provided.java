package dev.pdfvariants.variant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pdfvariants.config.ProviderSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.provider.ChatRequest;
import dev.pdfvariants.provider.Chunker;
import dev.pdfvariants.provider.ChunkStore;
import dev.pdfvariants.provider.Completion;
import dev.pdfvariants.provider.LanguageModel;
import dev.pdfvariants.provider.ProviderUnavailable;
import dev.pdfvariants.provider.TokenEstimate;
import dev.pdfvariants.text.Block;
import dev.pdfvariants.text.Section;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/**
 * What the provider variants ({@code translated}, {@code expanded}) share: their options (the cache
 * key), the document as Markdown units under its sections, the chunk budget, and asking the
 * language model with the fallback when it is unavailable.
 */
final class Provided {
    private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6})[ \\t]+(\\S.*)$");

    private Provided() {
    }

    /** The options that change the answers; {@code provider: none} when there is no provider (so adding one redoes the variant). */
    static Map<String, Object> options(ProviderSettings p, int promptVersion, boolean withTargetLanguage) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (!p.configured()) {
            options.put("provider", "none");
            return options;
        }
        options.put("provider-model", p.model());
        if (withTargetLanguage) {
            options.put("target-language", p.targetLanguage());
        }
        options.put("provider-temperature", p.temperature());
        options.put("provider-context", p.contextTokens());
        options.put("provider-max-tokens", p.maxTokens());
        options.put("prompt-version", promptVersion);
        return options;
    }

    /** The run's language model, or a (cached) skip saying how to configure one. */
    static LanguageModel model(DocumentContext document) throws VariantSkipped {
        LanguageModel model = document.languageModel();
        if (model == null) {
            throw new VariantSkipped("needs a language-model provider: pass --provider-url and --provider-model "
                    + "(an OpenAI-compatible server, e.g. llama.cpp's llama-server, vLLM or Ollama)");
        }
        return model;
    }

    /**
     * The most tokens of document text in one request: what the context leaves after the answer
     * and the instructions, and no more than an answer {@code growth} times as long can fit in
     * {@code --provider-max-tokens}.
     */
    static int budget(ProviderSettings p, String instructions, double growth) {
        int reserve = Math.max(ProviderSettings.PROMPT_RESERVE, TokenEstimate.of(instructions) + 64);
        int room = p.contextTokens() - p.maxTokens() - reserve;
        return Math.max(32, Math.min(room, (int) (p.maxTokens() / growth)));
    }

    /**
     * Asks the model for every request of one variant of one document; answered chunks are kept,
     * and answers left from other options are removed once all are in.
     *
     * @throws VariantSkipped the provider is unavailable (not cached: the next run tries again)
     * @throws DocumentFailure the same, with {@code --provider-required}
     */
    static List<Completion> ask(DocumentContext document, LanguageModel model, String variant, int promptVersion,
            List<ChatRequest> requests) throws VariantSkipped, DocumentFailure, IOException {
        ChunkStore store = model.chunks(OutputLayout.documentKey(document.source().relativePath()), variant);
        Set<String> keys = new LinkedHashSet<>();
        List<Completion> answers;
        try {
            answers = model.answer(document.source().relativePath(), variant, promptVersion, requests, store, keys);
        } catch (ProviderUnavailable e) {
            String reason = "the language-model provider is unavailable: " + e.reason() + "; " + e.done() + " of "
                    + e.total() + " chunks are done and kept, a re-run asks only for the "
                    + (e.total() - e.done()) + " missing";
            if (model.settings().endpoint().required()) {
                throw new DocumentFailure(FailureKind.PROVIDER_ERROR, reason);
            }
            throw VariantSkipped.untilNextRun(reason);
        }
        store.keepOnly(keys);
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).truncated()) {
                document.warn(variant + ": the answer for chunk " + (i + 1) + " was cut at --provider-max-tokens ("
                        + model.settings().maxTokens() + "); raise it to the model's limit");
            }
        }
        return answers;
    }

    /**
     * One section of the document as the model is sent it: its heading and its Markdown units.
     *
     * @param prose whether it holds running text (not only labels, names or table rows)
     */
    record Part(String title, int level, List<Chunker.Unit> units, boolean prose) {
    }

    /**
     * The document's sections ({@link dev.pdfvariants.text.Outline}), each as units: paragraphs
     * (the sentences of one text block), with the headings found inside the section (when the
     * outline is the bookmarks) as prefixes of the paragraph after them.
     */
    static List<Part> parts(DocumentContext document, TextModel model) throws IOException {
        List<Part> parts = new ArrayList<>();
        List<Sentence> sentences = model.sentences();
        Set<Integer> headingsSeen = new HashSet<>();
        for (Section section : document.outline().sections(model)) {
            List<Chunker.Unit> units = new ArrayList<>();
            StringBuilder prefix = new StringBuilder();
            List<String> paragraph = new ArrayList<>();
            int block = -1;
            boolean prose = false;
            for (int i = section.from(); i < section.to(); i++) {
                Sentence s = sentences.get(i);
                prose |= s.prose();
                if (s.heading() >= 0 && headingsSeen.add(s.heading())) {
                    Block h = model.blocks().get(s.heading());
                    if (!sameText(h.text(), section.title())) {
                        flush(units, prefix, paragraph);
                        prefix.append(hashes(Math.max(h.level(), section.level() + 1))).append(' ')
                                .append(plain(h.text())).append("\n\n");
                    }
                }
                if (s.block() != block && !paragraph.isEmpty()) {
                    flush(units, prefix, paragraph);
                }
                block = s.block();
                paragraph.add(paragraph.isEmpty() ? plain(s.text()) : s.text());
            }
            flush(units, prefix, paragraph);
            if (!units.isEmpty() || section.title() != null) {
                parts.add(new Part(section.title(), section.level(), units, prose));
            }
        }
        return parts;
    }

    private static void flush(List<Chunker.Unit> units, StringBuilder prefix, List<String> paragraph) {
        if (prefix.length() > 0 || !paragraph.isEmpty()) {
            units.add(new Chunker.Unit(prefix.toString(), paragraph));
        }
        prefix.setLength(0);
        paragraph.clear();
    }

    /** The Markdown heading marks of a section level (1 = {@code ##}: {@code #} is the title). */
    static String hashes(int level) {
        return "#".repeat(Math.min(6, Math.max(1, level) + 1));
    }

    /** Text sent as it is, but never read as a heading or a list by the model. */
    static String plain(String text) {
        return !text.isEmpty() && "#>".indexOf(text.charAt(0)) >= 0 ? "\\" + text : text;
    }

    /** Whether a detected heading is the section's own title (ignoring numbering, case and punctuation). */
    private static boolean sameText(String heading, String title) {
        if (title == null) {
            return false;
        }
        String a = heading.replaceAll("(?U)[\\W\\d_]+", "").toLowerCase(Locale.ROOT);
        String b = title.replaceAll("(?U)[\\W\\d_]+", "").toLowerCase(Locale.ROOT);
        return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
    }

    /**
     * The answer with its headings at the levels of the chunk's, when the model kept as many
     * headings as it was sent (models sometimes promote {@code ##} to {@code #}); the answer as it
     * is otherwise. Returns null when the chunk's headings were not kept.
     */
    static String keepHeadingLevels(String chunk, String answer) {
        List<Integer> levels = new ArrayList<>();
        Matcher sent = HEADING.matcher(chunk);
        while (sent.find()) {
            levels.add(sent.group(1).length());
        }
        List<int[]> found = new ArrayList<>();
        Matcher got = HEADING.matcher(answer);
        while (got.find()) {
            found.add(new int[] {got.start(), got.end(1)});
        }
        if (found.size() != levels.size()) {
            return null;
        }
        StringBuilder fixed = new StringBuilder(answer);
        for (int i = found.size() - 1; i >= 0; i--) {
            fixed.replace(found.get(i)[0], found.get(i)[1], "#".repeat(levels.get(i)));
        }
        return fixed.toString();
    }

    /** A language as the instructions name it: {@code de} and {@code de-AT} become German and German (Austria). */
    static String languageName(String given) {
        String value = given.strip();
        if (value.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            Locale locale = Locale.forLanguageTag(value.replace('_', '-'));
            String name = locale.getDisplayName(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(value) && !locale.getLanguage().isEmpty()
                    && !name.equalsIgnoreCase(locale.getLanguage())) {
                return name;
            }
        }
        return value;
    }

    /** The ISO 639-1 code of a language given as a tag or an English name, or null when unknown. */
    static String languageCode(String given) {
        String value = given.strip();
        if (value.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            String code = Locale.forLanguageTag(value.replace('_', '-')).getLanguage();
            if (!code.isEmpty() && !Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(code)) {
                return code;
            }
        }
        for (String code : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(value)) {
                return code;
            }
        }
        return null;
    }
}
