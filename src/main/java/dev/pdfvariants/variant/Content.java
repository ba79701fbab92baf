package dev.pdfvariants.variant;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.text.Spaces;
import dev.pdfvariants.text.TextModel;

/** What content variants share: getting a model with running text, and writing Markdown safely. */
final class Content {
    private Content() {
    }

    /** The text model, or a skip with the reason when there is no running text to work on. */
    static TextModel prose(DocumentContext document) throws IOException, VariantSkipped {
        if (!document.pageTexts().hasTextLayer()) {
            throw new VariantSkipped("no text layer (a scan or image-only PDF): run OCR first, e.g. ocrmypdf");
        }
        TextModel model = document.textModel();
        if (!model.hasProse()) {
            throw new VariantSkipped("no running text: its " + model.sentences().size()
                    + " text fragments are labels, tables or single words, not sentences");
        }
        return model;
    }

    /**
     * The title for headings: the info dictionary's when it is a real one, else the first page's
     * largest text unless that heads a table of contents, else the file name.
     */
    static String title(DocumentContext document, TextModel model) {
        String info = null;
        try {
            info = infoTitle(document.pdf().getDocumentInformation().getTitle());
        } catch (RuntimeException e) {
            // a damaged info dictionary
        }
        if (info != null) {
            return info;
        }
        if (model != null && model.title() != null && !CONTENTS.contains(Spaces.normalWords(model.title()))) {
            return model.title();
        }
        String name = document.source().relativePath();
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceAll("(?i)\\.pdf$", "");
    }

    /** What tables of contents are headed with, in the languages analysed (as {@link Spaces#normalWords}). */
    private static final Set<String> CONTENTS = Set.of("contents", "table of contents", "content", "inhalt",
            "inhaltsverzeichnis", "índice", "indice", "sumario", "sumário", "sommaire", "table des matières", "inhoud",
            "inhoudsopgave", "innehåll", "innholdsfortegnelse", "indholdsfortegnelse", "spis treści", "содержание",
            "оглавление", "目录", "目錄", "目次", "목차", "차례");

    /** Titles that authoring tools put in the info dictionary by themselves. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?iu)untitled(?: document)?|no title|title|"
            + "(?:document|layout|slide|presentation|book|sheet)\\s*\\d*|powerpoint presentation|print|"
            + ".*\\.(?:docx?|pdf|tex|dvi|indd|qxd|pptx?|xlsx?|odt|rtf|html?|txt|ps|eps|ai)");

    /**
     * The info dictionary's title when it is one a person gave: without an application's
     * "Microsoft Word - " prefix; null for blanks, tool placeholders ("untitled", "Layout 1"), file
     * names and strings that are mostly digits and punctuation (an identifier, not a title).
     */
    static String infoTitle(String raw) {
        if (raw == null) {
            return null;
        }
        String title = raw.strip();
        String unprefixed = title.replaceFirst("(?i)^microsoft (?:office )?(?:word|powerpoint|excel) - ", "");
        if (!unprefixed.equals(title)) { // "Microsoft Word - Annual report.docx": the file's name, a title
            title = unprefixed.replaceFirst("(?i)\\.(?:docx?|pptx?|xlsx?|rtf)$", "").strip();
        }
        if (title.length() <= 3 || PLACEHOLDER.matcher(title).matches() || CONTENTS.contains(Spaces.normalWords(title))) {
            return null;
        }
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < title.length(); ) {
            int c = title.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isWhitespace(c)) {
                visible++;
                letters += Character.isLetter(c) ? 1 : 0;
            }
        }
        return letters * 2 >= visible ? title : null;
    }

    /** Text made safe to place inline in Markdown. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        String s = out.toString();
        return !s.isEmpty() && "#>-+=".indexOf(s.charAt(0)) >= 0 ? "\\" + s : s;
    }
}
