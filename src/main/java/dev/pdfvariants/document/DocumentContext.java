package dev.pdfvariants.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.provider.LanguageModel;
import dev.pdfvariants.telemetry.Instrumentation;
import dev.pdfvariants.text.Outline;
import dev.pdfvariants.text.PageLines;
import dev.pdfvariants.text.TextModel;
import dev.pdfvariants.text.TextModelBuilder;

/**
 * One open document and the artifacts its variants share. The PDF is loaded once; derived
 * artifacts (the page texts, and the richer models built on them) are computed on first request
 * and reused by every variant that asks. A failure to compute one is remembered too, so that ten
 * variants do not repeat a failing extraction ten times.
 * <p>
 * Confined to the worker thread processing the document.
 */
public final class DocumentContext {
    private final SourceFile source;
    private final PDDocument pdf;
    private final long bytes;
    private final String sha256;
    private final VariantSettings settings;
    private final Cancellation cancellation;
    private final PdfLoader copies;
    private final LanguageModel languageModel;

    private final Set<String> warnings = new LinkedHashSet<>();
    private PageTexts pageTexts;
    private IOException pageTextsFailure;
    private List<PageLines> layout;
    private boolean recordLayout = true;
    private TextModel textModel;
    private Outline outline;

    public DocumentContext(SourceFile source, PDDocument pdf, long bytes, String sha256, VariantSettings settings,
            Cancellation cancellation) {
        this(source, pdf, bytes, sha256, settings, cancellation, new PdfLoader(null));
    }

    /** @param copies opens the private copies of {@link #openCopy()} (with the batch's password) */
    public DocumentContext(SourceFile source, PDDocument pdf, long bytes, String sha256, VariantSettings settings,
            Cancellation cancellation, PdfLoader copies) {
        this(source, pdf, bytes, sha256, settings, cancellation, copies, null);
    }

    /** @param languageModel the run's language-model provider, or null when none is configured */
    public DocumentContext(SourceFile source, PDDocument pdf, long bytes, String sha256, VariantSettings settings,
            Cancellation cancellation, PdfLoader copies, LanguageModel languageModel) {
        this.languageModel = languageModel;
        this.copies = Objects.requireNonNull(copies);
        this.source = Objects.requireNonNull(source);
        this.pdf = Objects.requireNonNull(pdf);
        this.bytes = bytes;
        this.sha256 = sha256;
        this.settings = Objects.requireNonNull(settings);
        this.cancellation = Objects.requireNonNull(cancellation);
    }

    public SourceFile source() {
        return source;
    }

    /** The open PDF. Variants read it; a variant that must modify it works on its own copy. */
    public PDDocument pdf() {
        return pdf;
    }

    /**
     * A private copy of the PDF, parsed afresh from the file, for a variant that must change it
     * (split, watermark, sanitize, encrypt, compress): {@link #pdf()} is shared by every variant
     * of the document and must never be modified. The caller closes the copy.
     */
    public PDDocument openCopy() throws DocumentFailure {
        return copies.load(source.path(), bytes);
    }

    /** The run's language-model provider (for the translated and expanded variants), or null when none is configured. */
    public LanguageModel languageModel() {
        return languageModel;
    }

    public long bytes() {
        return bytes;
    }

    public String sha256() {
        return sha256;
    }

    public VariantSettings settings() {
        return settings;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /**
     * Records a problem that did not stop the document (a page whose text could not be read); it
     * is listed with the document in the manifest. Must never contain document text.
     */
    public void warn(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    /**
     * Whether the text extraction also records every line's layout (font size, weight, position)
     * for {@link #textModel()}: on by default; the processor turns it off when no variant of the
     * run reads the model (plain text alone is extracted faster). A model asked for anyway is then
     * built from a second pass.
     */
    public DocumentContext recordLayout(boolean record) {
        this.recordLayout = record;
        return this;
    }

    /** Every page's text, extracted on first use. */
    public PageTexts pageTexts() throws IOException {
        if (pageTexts == null && pageTextsFailure == null) {
            try {
                PageTextExtractor extractor = new PageTextExtractor(settings.textOrder(), cancellation, this::warn,
                        recordLayout);
                pageTexts = Instrumentation.step("text.model", () -> extractor.extract(pdf));
                layout = recordLayout ? extractor.layout() : null;
            } catch (IOException e) {
                pageTextsFailure = e;
            }
        }
        if (pageTextsFailure != null) {
            throw new IOException(pageTextsFailure.getMessage(), pageTextsFailure);
        }
        return pageTexts;
    }

    /**
     * The text model (blocks, headings, sentences, language) that content variants share, built on
     * first use from the lines captured by the same extraction pass as {@link #pageTexts()}.
     */
    public TextModel textModel() throws IOException {
        if (textModel == null) {
            pageTexts();
            cancellation.checkpoint();
            if (layout == null) { // extracted without the layout: no variant of the run said it reads the model
                PageTextExtractor extractor = new PageTextExtractor(settings.textOrder(), cancellation, this::warn, true);
                Instrumentation.step("text.model", () -> extractor.extract(pdf));
                layout = extractor.layout();
            }
            String declared;
            try {
                declared = pdf.getDocumentCatalog().getLanguage();
            } catch (RuntimeException e) {
                declared = null;
            }
            textModel = TextModelBuilder.build(layout, pageTexts.pages().size(), declared);
            layout = null; // the model holds what variants need
        }
        return textModel;
    }

    /** The document's outline: its bookmarks, or else the headings detected in its text. */
    public Outline outline() throws IOException {
        if (outline == null) {
            outline = Outline.of(pdf, textModel());
        }
        return outline;
    }
}
