package dev.pdfvariants.document;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.TextOrder;
import dev.pdfvariants.text.PageLines;
import dev.pdfvariants.text.TextModel;
import dev.pdfvariants.text.TextModelBuilder;

/**
 * What each stage of the content variants costs once the JIT has compiled it, against the text
 * extraction of the same documents (bench/content-stages.sh). Every round extracts each document
 * twice, as {@code -v text} does (no layout) and as the content variants do (with the lines'
 * layout), then builds its text model, tokens, sentence graph and scores, and keyword statistics,
 * each timed on its own. The second half of the rounds is averaged, so the first rounds warm the
 * code up; one thread, one JVM, the documents in turn so that no stage runs on data still in the
 * processor's caches from its own previous run.
 * <p>
 * Usage: {@code ContentStages ROUNDS PDF...}; prints a table to standard output.
 */
public final class ContentStages {
    private static final String[] STAGES = {"extraction (text only)", "extraction with layout", "text model",
        "tokens", "sentence graph and scores", "keyword statistics"};

    private ContentStages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ContentStages ROUNDS PDF...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        List<File> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(new File(args[i]));
        }
        Map<String, double[]> millis = new LinkedHashMap<>(); // per stage, per round: summed over the documents
        for (String stage : STAGES) {
            millis.put(stage, new double[rounds]);
        }
        for (int round = 0; round < rounds; round++) {
            for (File file : files) {
                measure(file, round, millis);
            }
        }
        print(millis, rounds, files.size());
    }

    private static void measure(File file, int round, Map<String, double[]> millis) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            long start = System.nanoTime();
            new PageTextExtractor(TextOrder.STREAM, Cancellation.none(), w -> { }, false).extract(pdf);
            millis.get(STAGES[0])[round] += elapsed(start);
        }
        try (PDDocument pdf = Loader.loadPDF(file)) {
            PageTextExtractor extractor = new PageTextExtractor(TextOrder.STREAM, Cancellation.none(), w -> { }, true);
            long start = System.nanoTime();
            extractor.extract(pdf);
            millis.get(STAGES[1])[round] += elapsed(start);
            List<PageLines> lines = extractor.layout();
            start = System.nanoTime();
            TextModel model = TextModelBuilder.build(lines, pdf.getNumberOfPages(), null);
            millis.get(STAGES[2])[round] += elapsed(start);
            start = System.nanoTime();
            model.analysis();
            millis.get(STAGES[3])[round] += elapsed(start);
            start = System.nanoTime();
            model.sentenceScores();
            millis.get(STAGES[4])[round] += elapsed(start);
            start = System.nanoTime();
            model.keywords();
            millis.get(STAGES[5])[round] += elapsed(start);
        }
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(Map<String, double[]> millis, int rounds, int documents) {
        Map<String, Double> mean = new LinkedHashMap<>();
        millis.forEach((stage, perRound) -> {
            double sum = 0;
            for (int r = rounds / 2; r < rounds; r++) {
                sum += perRound[r];
            }
            mean.put(stage, sum / (rounds - rounds / 2));
        });
        double text = mean.get(STAGES[0]);
        double layout = mean.get(STAGES[1]) - text;
        System.out.printf(Locale.ROOT, "%d documents, %d rounds (the last %d averaged), one thread%n%n", documents, rounds,
                rounds - rounds / 2);
        System.out.println("| stage | ms per round | share of the text extraction |");
        System.out.println("|---|---|---|");
        row(STAGES[0], text, text);
        row("layout captured during extraction", layout, text);
        double content = layout;
        for (int i = 2; i < STAGES.length; i++) {
            row(STAGES[i], mean.get(STAGES[i]), text);
            content += mean.get(STAGES[i]);
        }
        row("content variants' work in all", content, text);
    }

    private static void row(String stage, double ms, double text) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.3f |%n", stage, ms, ms / text);
    }
}
