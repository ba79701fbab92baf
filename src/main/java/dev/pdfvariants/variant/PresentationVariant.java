package dev.pdfvariants.variant;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.slides.Deck;
import dev.pdfvariants.slides.Slide;
import dev.pdfvariants.slides.SlideRenderer;
import dev.pdfvariants.text.KeySentences;
import dev.pdfvariants.text.Section;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/**
 * {@code slides.md} and {@code slides.pdf}: a deck with a title slide and one slide per section
 * of the outline (top levels, so that there are at most {@link #MAX_SLIDES}), each with the
 * section's key points in document order; a document without an outline gets "key points" slides.
 */
final class PresentationVariant implements Variant {
    static final int MAX_SLIDES = 24;
    private static final int MAX_POINT = 240;

    @Override
    public String name() {
        return "presentation";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.CONTENT;
    }

    @Override
    public String description() {
        return "slide deck: title slide, one slide per section with its key points; Markdown and PDF (embedded fonts)";
    }

    @Override
    public List<String> outputs() {
        return List.of("slides.md", "slides.pdf");
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
        return Map.of("slide-points", settings.content().slidePoints());
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        TextModel model = Content.prose(document);
        Deck deck = deck(document, model);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        for (String warning : SlideRenderer.render(deck, pdf)) {
            document.warn(warning);
        }
        out.writeString("slides.md", deck.markdown());
        out.write("slides.pdf", o -> pdf.writeTo(o));
    }

    static Deck deck(DocumentContext document, TextModel model) throws Exception {
        int points = document.settings().content().slidePoints();
        List<Slide> slides = new ArrayList<>();
        for (Section section : topSections(document.outline().sections(model))) {
            List<Sentence> key = KeySentences.inOrder(KeySentences.top(model, section, points));
            if (!key.isEmpty()) {
                slides.add(new Slide(section.title() != null ? section.title() : "Overview", shorten(key), section.page()));
            }
        }
        if (slides.size() < 2) {
            slides.clear();
            long prose = model.sentences().stream().filter(Sentence::prose).count();
            int count = (int) Math.min(MAX_SLIDES, Math.max(1, (prose + 39) / 40));
            List<Sentence> key = KeySentences.inOrder(KeySentences.top(model, count * points));
            for (int i = 0; i < key.size(); i += points) {
                List<Sentence> chunk = key.subList(i, Math.min(key.size(), i + points));
                String title = count == 1 ? "Key points" : "Key points (" + (i / points + 1) + ")";
                slides.add(new Slide(title, shorten(chunk), chunk.get(0).page()));
            }
        }
        String author = null;
        try {
            author = document.pdf().getDocumentInformation().getAuthor();
        } catch (RuntimeException e) {
            // a damaged info dictionary
        }
        String subtitle = (author != null && !author.isBlank() ? author.strip() + " · " : "") + model.pageCount()
                + (model.pageCount() == 1 ? " page" : " pages");
        return new Deck(Content.title(document, model), subtitle, slides);
    }

    /** Sections merged into their top-level ancestors until there are at most {@link #MAX_SLIDES} with text. */
    static List<Section> topSections(List<Section> sections) {
        int maxLevel = sections.stream().mapToInt(Section::level).max().orElse(0);
        for (int level = maxLevel; level >= 1; level--) {
            List<Section> merged = merge(sections, level);
            if (merged.stream().filter(s -> !s.isEmpty()).count() <= MAX_SLIDES || level == 1) {
                List<Section> nonEmpty = new ArrayList<>(merged.stream().filter(s -> !s.isEmpty()).toList());
                if (nonEmpty.size() > MAX_SLIDES) {
                    // the longest sections, in document order
                    nonEmpty.sort(Comparator.comparingInt((Section s) -> s.from() - s.to()));
                    nonEmpty = new ArrayList<>(nonEmpty.subList(0, MAX_SLIDES));
                    nonEmpty.sort(Comparator.comparingInt(Section::from));
                }
                return nonEmpty;
            }
        }
        return sections.stream().filter(s -> !s.isEmpty()).toList();
    }

    private static List<Section> merge(List<Section> sections, int maxLevel) {
        List<Section> merged = new ArrayList<>();
        for (Section s : sections) {
            if (s.level() > maxLevel && !merged.isEmpty()) {
                Section parent = merged.remove(merged.size() - 1);
                merged.add(new Section(parent.title(), parent.level(), parent.page(), parent.from(), s.to()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private static List<String> shorten(List<Sentence> sentences) {
        List<String> points = new ArrayList<>();
        for (Sentence s : sentences) {
            String t = s.text();
            if (t.length() > MAX_POINT) {
                int cut = t.lastIndexOf(' ', MAX_POINT - 1);
                t = t.substring(0, cut > MAX_POINT / 2 ? cut : MAX_POINT - 1).stripTrailing() + "…";
            }
            points.add(t);
        }
        return points;
    }
}
