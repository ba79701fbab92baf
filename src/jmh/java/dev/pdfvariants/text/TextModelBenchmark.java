package dev.pdfvariants.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.pdfvariants.document.LayoutCapture;
import dev.pdfvariants.text.nlp.Analysis;
import dev.pdfvariants.text.nlp.KeywordExtractor;
import dev.pdfvariants.text.nlp.LanguageDetection;
import dev.pdfvariants.text.nlp.SentenceRanker;

/**
 * The hot paths of the text model and ranking, per document: sentence segmentation, tokenising
 * with term frequencies (the {@link Analysis}), YAKE keyword statistics, the sentence graph and its
 * ranking, language detection, and building the whole model from extracted lines. Documents: the
 * two text samples of {@code samples/} and a synthetic 300-page report (seeded), which shows how
 * the costs grow with length. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TextModelBenchmark {
    @Param({"report", "paper", "long"})
    public String document;

    private List<PageLines> lines;
    private int pages;
    private TextModel model;
    private List<String> paragraphs;
    private List<String> sentenceTexts;
    private Analysis analysis;
    private boolean[] prose;
    private double[] bias;
    private String languageSample;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (document.equals("long")) {
            pages = 300;
            lines = SyntheticReport.lines(pages, 8);
        } else {
            Path file = Path.of(document.equals("report") ? "samples/reports/rooftop-gardens-report.pdf"
                    : "samples/papers/adaptive-batching-paper.pdf");
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                pages = pdf.getNumberOfPages();
                lines = LayoutCapture.of(pdf);
            }
        }
        model = TextModelBuilder.build(lines, pages, null);
        paragraphs = new ArrayList<>();
        for (Block b : model.blocks()) {
            if (!b.heading()) {
                paragraphs.add(b.text());
            }
        }
        sentenceTexts = model.sentences().stream().map(Sentence::text).toList();
        analysis = model.analysis();
        prose = new boolean[sentenceTexts.size()];
        for (Sentence s : model.sentences()) {
            prose[s.index()] = s.prose();
        }
        bias = SentenceBias.of(model);
        StringBuilder sample = new StringBuilder();
        for (String p : paragraphs) {
            if (sample.length() > 3000) {
                break;
            }
            sample.append(p).append('\n');
        }
        languageSample = sample.toString();
    }

    @Benchmark
    public void sentenceSegmentation(Blackhole bh) {
        SentenceSplitter splitter = new SentenceSplitter(model.language().code());
        for (String p : paragraphs) {
            bh.consume(splitter.split(p));
        }
    }

    /** Tokens, stems, stopwords and the term ids with their document frequencies (TF / DF). */
    @Benchmark
    public Analysis termFrequencies() {
        return Analysis.of(model.language(), sentenceTexts);
    }

    /** YAKE statistics of every term and candidate phrase, and the top 80 keywords. */
    @Benchmark
    public Object keywordStatistics() {
        return new KeywordExtractor(analysis, prose).extract(80);
    }

    /** TF-IDF vectors, the similarity graph through the inverted index, and the biased random walk. */
    @Benchmark
    public double[] graphRanking() {
        return new SentenceRanker(analysis, prose).rank(bias);
    }

    @Benchmark
    public Object languageDetection() {
        return LanguageDetection.detect(languageSample, null);
    }

    /** The whole model from the extracted lines: running matter, blocks, headings, language, sentences. */
    @Benchmark
    public TextModel buildModel() {
        return TextModelBuilder.build(lines, pages, null);
    }

    /** Everything the default content variants ask of a model: scores and keywords, on a fresh copy. */
    @Benchmark
    public void scoresAndKeywords(Blackhole bh) {
        TextModel fresh = model.withoutBlocks(java.util.Set.of());
        bh.consume(fresh.sentenceScores());
        bh.consume(fresh.keywords());
    }

    /** A seeded report: a title, numbered bold headings and paragraphs of prose from a skewed vocabulary. */
    static final class SyntheticReport {
        private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not this are or "
                + "from at which but have an they were been one all their has would when if no will can more other its "
                + "into only time some could these two may first then any like now over such our even most made after "
                + "also many before must through back years where much way down should because each just those people "
                + "how too little state good very make world still own see work long get here between both life being "
                + "under never day same another know while last document system report batch process measure result "
                + "method analysis value data table figure section energy water building temperature survey policy "
                + "network model storage memory cluster scheduler throughput latency library archive manual chapter "
                + "roof garden sensor reading station rainfall drain budget maintenance inspection equipment").split(" ");

        private SyntheticReport() {
        }

        static List<PageLines> lines(int pages, long seed) {
            Random random = new Random(seed);
            List<PageLines> result = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                List<Line> lines = new ArrayList<>();
                float y = 80;
                if (p == 1) {
                    lines.add(new Line(p, "Annual Report on Roof Gardens and Storage Networks", 72, y, 400, 20, true));
                    y += 40;
                }
                if (p % 2 == 1) {
                    lines.add(new Line(p, p / 2 + 1 + " " + capitalize(words(random, 3)), 72, y, 300, 14, true));
                    y += 24;
                }
                StringBuilder paragraph = new StringBuilder();
                while (y < 720) {
                    for (int s = 0; s < 3 + random.nextInt(4); s++) {
                        paragraph.append(capitalize(words(random, 8 + random.nextInt(16)))).append(". ");
                    }
                    String text = paragraph.toString().strip();
                    paragraph.setLength(0);
                    for (int i = 0; i < text.length() && y < 720; i += 90) {
                        lines.add(new Line(p, text.substring(i, Math.min(text.length(), i + 90)).strip(), 72, y, 460, 10,
                                false));
                        y += 13;
                    }
                    y += 8;
                }
                result.add(new PageLines(p, 612, 792, lines));
            }
            return result;
        }

        private static String words(Random random, int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * WORDS.length / 3)]);
            }
            return sb.toString();
        }

        private static String capitalize(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
