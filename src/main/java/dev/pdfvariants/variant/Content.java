package dev.pdfvariants.variant;

import java.io.IOException;

import dev.pdfvariants.document.DocumentContext;
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

    /** The title for headings: the info dictionary's, else the first page's largest text, else the file name. */
    static String title(DocumentContext document, TextModel model) {
        String info = null;
        try {
            info = document.pdf().getDocumentInformation().getTitle();
        } catch (RuntimeException e) {
            // a damaged info dictionary
        }
        if (info != null && !info.isBlank() && info.strip().length() > 3 && !info.strip().matches("(?i).*\\.(docx?|pdf|tex|dvi|indd|qxd)$")) {
            return info.strip();
        }
        if (model != null && model.title() != null) {
            return model.title();
        }
        String name = document.source().relativePath();
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceAll("(?i)\\.pdf$", "");
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
