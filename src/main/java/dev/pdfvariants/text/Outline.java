package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A document's outline: its bookmarks when it has any, otherwise the headings detected in its
 * text. Either way each entry is located in the text model, so that sentences can be grouped
 * into the sections the outline names.
 *
 * @param source  {@code bookmarks} or {@code headings}
 * @param entries in document order
 */
public record Outline(String source, List<OutlineEntry> entries) {
    public static final String BOOKMARKS = "bookmarks";
    public static final String HEADINGS = "headings";

    public Outline {
        entries = List.copyOf(entries);
    }

    /** The bookmarks of {@code pdf} if it has any, else the headings detected in {@code model}. */
    public static Outline of(PDDocument pdf, TextModel model) {
        List<OutlineEntry> bookmarks = Bookmarks.read(pdf);
        if (!bookmarks.isEmpty()) {
            return new Outline(BOOKMARKS, locate(bookmarks, model));
        }
        return detected(model);
    }

    /** The headings detected in the text, ignoring any bookmarks. */
    public static Outline detected(TextModel model) {
        List<OutlineEntry> entries = new ArrayList<>();
        for (Block b : model.headings()) {
            entries.add(new OutlineEntry(b.text(), b.level(), b.page(), b.index()));
        }
        return new Outline(HEADINGS, entries);
    }

    /** Finds where each bookmark's section starts: its heading on the target page, else the page's first block. */
    private static List<OutlineEntry> locate(List<OutlineEntry> bookmarks, TextModel model) {
        List<OutlineEntry> located = new ArrayList<>(bookmarks.size());
        List<Block> blocks = model.blocks();
        String[] normal = new String[blocks.size()];
        int[] firstOfPage = new int[model.pageCount() + 2];
        java.util.Arrays.fill(firstOfPage, -1);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            int p = blocks.get(i).page();
            if (p >= 0 && p < firstOfPage.length) {
                firstOfPage[p] = i;
            }
        }
        for (OutlineEntry e : bookmarks) {
            if (e.page() == null) {
                located.add(e);
                continue;
            }
            int first = e.page() < firstOfPage.length ? firstOfPage[e.page()] : -1;
            int match = -1;
            String wanted = Spaces.normalWords(e.title());
            for (int i = Math.max(first, 0); first >= 0 && i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.page() > e.page()) {
                    break;
                }
                if (b.lines() > 3 || b.text().length() > wanted.length() * 2 + 10) {
                    continue;
                }
                if (normal[i] == null) {
                    normal[i] = Spaces.normalWords(b.text());
                }
                String text = normal[i];
                if (!wanted.isEmpty() && (text.equals(wanted) || text.contains(wanted)
                        || wanted.contains(text) && text.length() * 2 > wanted.length())) {
                    match = b.index();
                    break;
                }
            }
            located.add(e.at(match >= 0 ? match : first));
        }
        return located;
    }

    /** The sections of the text: each outline entry with the sentences from its start to the next entry's. */
    public List<Section> sections(TextModel model) {
        List<OutlineEntry> starts = new ArrayList<>(entries.stream().filter(e -> e.block() >= 0).toList());
        starts.sort(Comparator.comparingInt(OutlineEntry::block));
        List<Section> sections = new ArrayList<>();
        List<Sentence> sentences = model.sentences();
        int s = 0;
        if (starts.isEmpty() || starts.get(0).block() > 0) {
            int end = starts.isEmpty() ? Integer.MAX_VALUE : starts.get(0).block();
            int from = s;
            while (s < sentences.size() && sentences.get(s).block() < end) {
                s++;
            }
            if (s > from || starts.isEmpty()) {
                sections.add(new Section(null, 0, sentences.isEmpty() ? null : sentences.get(0).page(), from, s));
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            OutlineEntry e = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1).block() : Integer.MAX_VALUE;
            int from = s;
            while (s < sentences.size() && sentences.get(s).block() < end) {
                s++;
            }
            sections.add(new Section(e.title(), e.level(), e.page(), from, s));
        }
        return sections;
    }
}
