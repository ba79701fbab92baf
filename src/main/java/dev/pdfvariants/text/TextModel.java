package dev.pdfvariants.text;

import java.util.List;

import dev.pdfvariants.text.nlp.Analysis;
import dev.pdfvariants.text.nlp.Keyword;
import dev.pdfvariants.text.nlp.KeywordExtractor;
import dev.pdfvariants.text.nlp.Language;
import dev.pdfvariants.text.nlp.SentenceRanker;

/**
 * A document's text as content variants read it: blocks (paragraphs and detected headings) with
 * running headers, footers and page numbers removed, sentences, and the language. Built once per
 * document from the lines captured during text extraction ({@link TextModelBuilder}); the
 * statistics derived from it (tokens, sentence ranking, keywords) are computed on first request
 * and shared by every variant.
 * <p>
 * Confined to the thread processing the document.
 */
public final class TextModel {
    /** Keywords kept for every variant that asks; variants take the top of this list. */
    static final int KEYWORDS = 80;
    /** At most this many prose sentences (spread evenly) feed keyword statistics. */
    static final int KEYWORD_SENTENCES = 2500;

    private final int pageCount;
    private final List<Block> blocks;
    private final List<Sentence> sentences;
    private final Language language;
    private final float bodyFontSize;
    private final Block title;

    private Analysis analysis;
    private SentenceRanker ranker;
    private double[] scores;
    private List<Keyword> keywords;

    TextModel(int pageCount, List<Block> blocks, List<Sentence> sentences, Language language, float bodyFontSize,
            Block title) {
        this.pageCount = pageCount;
        this.blocks = List.copyOf(blocks);
        this.sentences = List.copyOf(sentences);
        this.language = language;
        this.bodyFontSize = bodyFontSize;
        this.title = title;
    }

    public int pageCount() {
        return pageCount;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Block> headings() {
        return blocks.stream().filter(Block::heading).toList();
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public Language language() {
        return language;
    }

    public float bodyFontSize() {
        return bodyFontSize;
    }

    /** The title as set on the first page (its largest text), or null when none stands out. */
    public String title() {
        return title == null ? null : title.text();
    }

    /**
     * The same document without some blocks (their sentences dropped, the rest renumbered): for
     * evaluations that hide part of a document, such as its abstract, from the ranking.
     */
    public TextModel withoutBlocks(java.util.Set<Integer> removed) {
        List<Sentence> kept = new java.util.ArrayList<>();
        for (Sentence s : sentences) {
            if (!removed.contains(s.block())) {
                kept.add(new Sentence(kept.size(), s.text(), s.page(), s.block(), s.heading(), s.prose()));
            }
        }
        return new TextModel(pageCount, blocks, kept, language, bodyFontSize, title);
    }

    /** There is running text to summarise. */
    public boolean hasProse() {
        return sentences.stream().anyMatch(Sentence::prose);
    }

    /** Every sentence tokenised (once). */
    public Analysis analysis() {
        if (analysis == null) {
            analysis = Analysis.of(language, sentences.stream().map(Sentence::text).toList());
        }
        return analysis;
    }

    /** The sentence graph over prose sentences. */
    public SentenceRanker ranker() {
        if (ranker == null) {
            boolean[] rankable = new boolean[sentences.size()];
            for (Sentence s : sentences) {
                rankable[s.index()] = s.prose();
            }
            ranker = new SentenceRanker(analysis(), rankable);
        }
        return ranker;
    }

    /** Each sentence's importance (graph ranking with position and section bias); 0 for non-prose. */
    public double[] sentenceScores() {
        if (scores == null) {
            scores = ranker().rank(SentenceBias.of(this));
        }
        return scores.clone();
    }

    /** The document's key terms and phrases, most relevant first. */
    public List<Keyword> keywords() {
        if (keywords == null) {
            boolean[] prose = new boolean[sentences.size()];
            long proseCount = sentences.stream().filter(Sentence::prose).count();
            long stride = Math.max(1, (proseCount + KEYWORD_SENTENCES - 1) / KEYWORD_SENTENCES);
            int count = 0;
            for (Sentence s : sentences) {
                if (s.prose()) {
                    prose[s.index()] = count % stride == 0; // long documents: an even sample, bounding the cost
                    count++;
                }
            }
            keywords = new KeywordExtractor(analysis(), count >= 5 ? prose : null).extract(KEYWORDS);
        }
        return keywords;
    }
}
