package dev.pdfvariants.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.text.Block;
import dev.pdfvariants.text.Bookmarks;
import dev.pdfvariants.text.KeySentences;
import dev.pdfvariants.text.Outline;
import dev.pdfvariants.text.OutlineEntry;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/**
 * Quality evaluation of {@code summary} and heading detection that needs no hand labels; runs on
 * any folders of PDFs (see {@code bench/quality-eval.sh}).
 * <ul>
 * <li>Summaries: for documents with an abstract, the abstract is cut out of the text model and
 * ROUGE-1/2/L (F1) of the summary against it is computed, for the product's summary and for two
 * baselines on the same documents: the first N sentences, and plain TextRank (the same graph with
 * a uniform restart vector and no redundancy filter). N is the abstract's sentence count (2..10).</li>
 * <li>Headings: for documents whose bookmarks point at headings present in their text, the headings
 * detected in the text (the detector never reads bookmarks) are matched to the bookmarks (same page
 * ±1, same title up to numbering, case and punctuation); precision and recall.</li>
 * </ul>
 * Writes a Markdown table to the given file.
 */
public final class QualityEvaluation {
    private static final Set<String> ABSTRACT_TITLES = Set.of("abstract", "summary", "résumé", "resume", "resumen",
            "zusammenfassung", "resumo", "executive summary", "sommario", "samenvatting");

    record Rouge(double r1, double r2, double rl) {
    }

    private final List<String> summaryRows = new ArrayList<>();
    private final List<String> headingRows = new ArrayList<>();
    private final List<String> notQualified = new ArrayList<>();
    private final double[][] rougeSums = new double[3][3];
    private int summaryDocs;
    private int detected;
    private int gold;
    private int matchedDetected;
    private int matchedGold;
    private int headingDocs;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: QualityEvaluation RESULT.md DIR...");
            System.exit(2);
        }
        QualityEvaluation e = new QualityEvaluation();
        int files = 0;
        for (int i = 1; i < args.length; i++) {
            Path dir = Path.of(args[i]);
            List<Path> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).sorted()
                        .forEach(found::add);
            }
            for (Path f : found) {
                e.evaluate(f, dir);
            }
            files += found.size();
        }
        String table = e.table(files, Arrays.copyOfRange(args, 1, args.length));
        Files.createDirectories(Path.of(args[0]).toAbsolutePath().getParent());
        Files.writeString(Path.of(args[0]), table);
        System.out.print(table);
    }

    private void evaluate(Path file, Path root) {
        String name = (root.getFileName() == null ? "" : root.getFileName() + "/") + root.relativize(file);
        if (name.contains("flate-bomb") || name.contains("bomb-giant")) {
            notQualified.add(name + ": skipped (decompression bomb)");
            return;
        }
        try (PDDocument pdf = new PdfLoader(null).load(file, Files.size(file))) {
            DocumentContext doc = new DocumentContext(new SourceFile(file, name), pdf, Files.size(file), "-",
                    VariantSettings.defaults(), Cancellation.none());
            if (!doc.pageTexts().hasTextLayer()) {
                notQualified.add(name + ": no text layer");
                return;
            }
            TextModel model = doc.textModel();
            String why = summaries(name, model);
            String whyHeadings = headings(name, pdf, model);
            if (why != null && whyHeadings != null) {
                notQualified.add(name + ": " + why + "; " + whyHeadings);
            }
        } catch (Exception | StackOverflowError e) {
            notQualified.add(name + ": does not open (" + e.getClass().getSimpleName() + ")");
        }
    }

    // ---------------------------------------------------------------- summaries

    /** Scores the summary against the abstract; returns why the document does not qualify, or null. */
    private String summaries(String name, TextModel model) {
        List<Block> blocks = model.blocks();
        Set<Integer> abstractBlocks = new HashSet<>();
        StringBuilder abstractText = new StringBuilder();
        for (int i = 0; i < blocks.size() && abstractBlocks.isEmpty(); i++) {
            Block b = blocks.get(i);
            String normal = b.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "").strip();
            if (ABSTRACT_TITLES.contains(normal)) {
                for (int j = i + 1; j < blocks.size() && !blocks.get(j).heading() && words(abstractText) < 400; j++) {
                    abstractBlocks.add(j);
                    abstractText.append(blocks.get(j).text()).append(' ');
                }
            } else if (!b.heading() && b.text().matches("(?is)^(abstract|summary|résumé)\\s*[.:—–-]\\s*\\S.*")) {
                abstractBlocks.add(i);
                abstractText.append(b.text().replaceFirst("(?is)^(abstract|summary|résumé)\\s*[.:—–-]\\s*", "")).append(' ');
                for (int j = i + 1; j < blocks.size() && !blocks.get(j).heading() && words(abstractText) < 150; j++) {
                    abstractBlocks.add(j);
                    abstractText.append(blocks.get(j).text()).append(' ');
                }
            }
        }
        if (abstractBlocks.isEmpty()) {
            return "no abstract";
        }
        if (words(abstractText) < 40) {
            return "abstract too short (" + words(abstractText) + " words)";
        }
        TextModel rest = model.withoutBlocks(abstractBlocks);
        long prose = rest.sentences().stream().filter(Sentence::prose).count();
        if (prose < 15) {
            return "too little text besides the abstract (" + prose + " sentences)";
        }
        int n = Math.max(2, Math.min(10, (int) Arrays.stream(abstractText.toString().split("(?<=[.!?])\\s+"))
                .filter(s -> !s.isBlank()).count()));
        List<String> summary = KeySentences.inOrder(KeySentences.top(rest, n)).stream().map(Sentence::text).toList();
        List<String> firstN = rest.sentences().stream().filter(Sentence::prose).limit(n).map(Sentence::text).toList();
        double[] plain = rest.ranker().rank(null);
        List<Sentence> byPlain = new ArrayList<>(rest.sentences().stream().filter(s -> plain[s.index()] > 0).toList());
        byPlain.sort((a, b) -> Double.compare(plain[b.index()], plain[a.index()]));
        List<String> textRank = KeySentences.inOrder(byPlain.subList(0, Math.min(n, byPlain.size()))).stream()
                .map(Sentence::text).toList();
        List<String> reference = tokens(abstractText.toString());
        Rouge[] scores = {rouge(tokens(String.join(" ", summary)), reference),
            rouge(tokens(String.join(" ", firstN)), reference), rouge(tokens(String.join(" ", textRank)), reference)};
        summaryDocs++;
        StringBuilder row = new StringBuilder("| " + name + " | " + model.language().code() + " | " + n + " |");
        for (int s = 0; s < 3; s++) {
            rougeSums[s][0] += scores[s].r1();
            rougeSums[s][1] += scores[s].r2();
            rougeSums[s][2] += scores[s].rl();
            row.append(String.format(Locale.ROOT, " %.3f / %.3f / %.3f |", scores[s].r1(), scores[s].r2(), scores[s].rl()));
        }
        summaryRows.add(row.toString());
        return null;
    }

    private static int words(CharSequence s) {
        return s.toString().isBlank() ? 0 : s.toString().strip().split("\\s+").length;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isIdeographic(c)) {
                if (t.length() > 0) {
                    tokens.add(t.toString());
                    t.setLength(0);
                }
                tokens.add(String.valueOf(c));
            } else if (Character.isLetterOrDigit(c)) {
                t.append(Character.toLowerCase(c));
            } else if (t.length() > 0) {
                tokens.add(t.toString());
                t.setLength(0);
            }
        }
        return tokens;
    }

    static Rouge rouge(List<String> candidate, List<String> reference) {
        return new Rouge(ngramF1(candidate, reference, 1), ngramF1(candidate, reference, 2), lcsF1(candidate, reference));
    }

    private static double ngramF1(List<String> c, List<String> r, int n) {
        Map<String, Integer> rc = ngrams(r, n);
        Map<String, Integer> cc = ngrams(c, n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : cc.entrySet()) {
            overlap += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
        }
        int cTotal = Math.max(0, c.size() - n + 1);
        int rTotal = Math.max(0, r.size() - n + 1);
        return f1(overlap, cTotal, rTotal);
    }

    private static Map<String, Integer> ngrams(List<String> t, int n) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + n <= t.size(); i++) {
            m.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
        }
        return m;
    }

    private static double lcsF1(List<String> c, List<String> r) {
        int[] prev = new int[r.size() + 1];
        int[] cur = new int[r.size() + 1];
        for (String a : c) {
            for (int j = 1; j <= r.size(); j++) {
                cur[j] = a.equals(r.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return f1(prev[r.size()], c.size(), r.size());
    }

    private static double f1(int overlap, int candidate, int reference) {
        if (overlap == 0 || candidate == 0 || reference == 0) {
            return 0;
        }
        double p = (double) overlap / candidate;
        double r = (double) overlap / reference;
        return 2 * p * r / (p + r);
    }

    // ---------------------------------------------------------------- headings

    /** Scores detected headings against bookmarks present in the text; returns why it does not qualify, or null. */
    private String headings(String name, PDDocument pdf, TextModel model) {
        List<OutlineEntry> bookmarks = Bookmarks.read(pdf);
        if (bookmarks.isEmpty()) {
            return "no bookmarks";
        }
        List<OutlineEntry> withPage = bookmarks.stream().filter(b -> b.page() != null).toList();
        if (withPage.size() < 3) {
            return "bookmarks without usable targets (" + withPage.size() + " of " + bookmarks.size() + " point at a page)";
        }
        List<OutlineEntry> present = new ArrayList<>();
        for (OutlineEntry b : withPage) {
            boolean found = model.blocks().stream().anyMatch(block -> Math.abs(block.page() - b.page()) <= 1
                    && block.text().length() < 300 && same(block.text(), b.title()));
            if (found) {
                present.add(b);
            }
        }
        double share = (double) present.size() / withPage.size();
        if (share < 0.7) {
            return String.format(Locale.ROOT, "bookmarks do not point at headings in the text (%d of %d titles found on their pages)",
                    present.size(), withPage.size());
        }
        List<OutlineEntry> found = Outline.detected(model).entries();
        boolean[] used = new boolean[present.size()];
        int hits = 0;
        for (OutlineEntry d : found) {
            for (int i = 0; i < present.size(); i++) {
                OutlineEntry b = present.get(i);
                if (!used[i] && Math.abs(b.page() - d.page()) <= 1 && same(d.title(), b.title())) {
                    used[i] = true;
                    hits++;
                    break;
                }
            }
        }
        headingDocs++;
        detected += found.size();
        gold += present.size();
        matchedDetected += hits;
        matchedGold += hits;
        headingRows.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |", name, present.size(), found.size(),
                hits, found.isEmpty() ? 0 : (double) hits / found.size(), (double) hits / present.size()));
        return null;
    }

    /** Same title up to numbering, case, spacing and punctuation. */
    static boolean same(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        String sx = stripNumbering(x);
        String sy = stripNumbering(y);
        if (!sx.isEmpty() && sx.equals(sy)) {
            return true;
        }
        String shorter = sx.length() <= sy.length() ? sx : sy;
        String longer = sx.length() <= sy.length() ? sy : sx;
        return shorter.length() >= 4 && longer.contains(shorter) && shorter.length() * 10 >= longer.length() * 6;
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String stripNumbering(String s) {
        return s.replaceFirst("^(?:(?:chapter|section|part|appendix|kapitel|capítulo|chapitre)\\s+)?(?:[\\divxlc]+(?:\\s\\d+)*|[a-z])\\s+", "").strip();
    }

    // ---------------------------------------------------------------- report

    private String table(int files, String[] dirs) {
        StringBuilder t = new StringBuilder();
        t.append("# Quality evaluation\n\nInputs: ").append(String.join(", ", dirs)).append(" (").append(files)
                .append(" PDF files).\n\n## Summaries against abstracts (abstract removed from the input)\n\n");
        t.append("ROUGE F1, mean over ").append(summaryDocs).append(" documents; N = sentences in the abstract (2..10).\n\n");
        t.append("| system | ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|---|\n");
        String[] systems = {"summary (biased graph ranking)", "baseline: first N sentences", "baseline: plain TextRank"};
        for (int s = 0; s < 3; s++) {
            t.append("| ").append(systems[s]).append(" |");
            for (int m = 0; m < 3; m++) {
                t.append(String.format(Locale.ROOT, " %.3f |", summaryDocs == 0 ? 0 : rougeSums[s][m] / summaryDocs));
            }
            t.append('\n');
        }
        t.append("\n| document | lang | N | summary R1 / R2 / RL | first-N R1 / R2 / RL | TextRank R1 / R2 / RL |\n")
                .append("|---|---|---|---|---|---|\n");
        summaryRows.forEach(r -> t.append(r).append('\n'));
        t.append("\n## Heading detection against bookmarks (bookmarks hidden from the detector)\n\n");
        t.append(String.format(Locale.ROOT, "Over %d documents whose bookmarks point at headings present in their text: "
                + "precision %.3f, recall %.3f (micro-averaged: %d of %d detected headings match a bookmark; %d of %d "
                + "bookmarks found).%n%n", headingDocs, detected == 0 ? 0 : (double) matchedDetected / detected,
                gold == 0 ? 0 : (double) matchedGold / gold, matchedDetected, detected, matchedGold, gold));
        t.append("| document | bookmarks in text | detected | matched | precision | recall |\n|---|---|---|---|---|---|\n");
        headingRows.forEach(r -> t.append(r).append('\n'));
        t.append("\n## Documents that qualified for neither evaluation, and why\n\n");
        notQualified.forEach(n -> t.append("- ").append(n).append('\n'));
        return t.toString();
    }

}
