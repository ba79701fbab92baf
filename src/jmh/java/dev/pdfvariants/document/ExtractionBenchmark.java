package dev.pdfvariants.document;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.pdfvariants.config.TextOrder;

/**
 * The text extraction pass, per document: PDFBox's stripper as the raw loop uses it (with its own
 * duplicate-glyph suppression, and without any), against the extractor of pdfvariants (the same
 * rule through {@link OverprintedGlyphs}, with and without recording the lines' layout); and the
 * duplicate check alone, the hash grid against PDFBox's boxed trees, replayed over the glyphs of
 * the document. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtractionBenchmark {
    @Param({"samples/papers/adaptive-batching-paper.pdf", "samples/reports/rooftop-gardens-report.pdf"})
    public String file;

    private PDDocument pdf;
    /** Every glyph the stripper saw, page by page. */
    private List<List<TextPosition>> glyphs;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pdf = Loader.loadPDF(Path.of(file).toFile());
        glyphs = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
                glyphs.add(new ArrayList<>());
                super.startPage(page);
            }

            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.get(glyphs.size() - 1).add(text);
                super.processTextPosition(text);
            }
        };
        collector.getText(pdf);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pdf.close();
    }

    @Benchmark
    public String pdfboxStripper() throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    @Benchmark
    public String pdfboxStripperWithoutDuplicateSuppression() throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSuppressDuplicateOverlappingText(false);
        return stripper.getText(pdf);
    }

    @Benchmark
    public PageTexts pdfvariantsPlainText() throws IOException {
        return new PageTextExtractor(TextOrder.STREAM, Cancellation.none(), w -> { }, false).extract(pdf);
    }

    @Benchmark
    public PageTexts pdfvariantsTextAndLayout() throws IOException {
        return new PageTextExtractor(TextOrder.STREAM, Cancellation.none(), w -> { }, true).extract(pdf);
    }

    @Benchmark
    public int duplicateGlyphsHashGrid() {
        OverprintedGlyphs grid = new OverprintedGlyphs();
        int dropped = 0;
        for (List<TextPosition> page : glyphs) {
            grid.startPage();
            for (TextPosition g : page) {
                dropped += grid.isDuplicate(g) ? 1 : 0;
            }
        }
        return dropped;
    }

    /** PDFBox 3.0's rule on its own structure, as in {@code PDFTextStripper.processTextPosition}. */
    @Benchmark
    public int duplicateGlyphsPdfboxTrees() {
        int dropped = 0;
        for (List<TextPosition> page : glyphs) {
            Map<String, TreeMap<Float, TreeSet<Float>>> characterListMapping = new HashMap<>();
            for (TextPosition text : page) {
                String textCharacter = text.getUnicode();
                float textX = text.getX();
                float textY = text.getY();
                TreeMap<Float, TreeSet<Float>> same = characterListMapping.computeIfAbsent(textCharacter,
                        k -> new TreeMap<>());
                float tolerance = text.getWidth() / textCharacter.length() / 3.0f;
                boolean suppress = false;
                for (TreeSet<Float> xMatch : same.subMap(textX - tolerance, textX + tolerance).values()) {
                    if (!xMatch.subSet(textY - tolerance, textY + tolerance).isEmpty()) {
                        suppress = true;
                        break;
                    }
                }
                if (suppress) {
                    dropped++;
                } else {
                    same.computeIfAbsent(textX, k -> new TreeSet<>()).add(textY);
                }
            }
        }
        return dropped;
    }
}
