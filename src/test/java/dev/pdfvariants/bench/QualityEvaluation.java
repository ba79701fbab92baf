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
 * ±1, same title up to numbering, case, spacing, punctuation and word order); precision and recall,
 * strict (every detected heading) and depth-matched (detected headings whose inferred level is at
 * most the deepest level of the document's bookmarks).</li>
 * </ul>
 * Writes a Markdown table to the given file. With {@code -Dquality.details=true} it also prints
 * every detected heading (TP/FP, with level, page and style) and every missed bookmark (FN) to
 * stderr, to see what the detector gets wrong.
 */
public final class QualityEvaluation {
    private static final Set<String> ABSTRACT_TITLES = Set.of("abstract", "summary", "résumé", "resume", "resumen",
            "zusammenfassung", "resumo", "executive summary", "sommario", "samenvatting");

    record Rouge(double r1, double r2, double rl) {
    }

    /** Micro-averaged heading counts over documents. */
    static final class Score {
        int detected;
        int bookmarks;
        int matched;

        void add(int detectedHeadings, int bookmarksInText, int hits) {
            detected += detectedHeadings;
            bookmarks += bookmarksInText;
            matched += hits;
        }

        double precision() {
            return ratio(matched, detected);
        }

        double recall() {
            return ratio(matched, bookmarks);
        }

        String describe() {
            return String.format(Locale.ROOT, "precision %.3f, recall %.3f (%d of %d detected headings match a bookmark; "
                    + "%d of %d bookmarks found)", ratio(matched, detected), ratio(matched, bookmarks), matched, detected,
                    matched, bookmarks);
        }
    }

    private static final boolean DETAILS = Boolean.getBoolean("quality.details");

    private final List<String> summaryRows = new ArrayList<>();
    private final List<String> headingRows = new ArrayList<>();
    private final List<String> notQualified = new ArrayList<>();
    private final double[][] rougeSums = new double[3][3];
    private int summaryDocs;
    private final Score strict = new Score();
    private final Score depthMatched = new Score();
    private int headingDocs;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: QualityEvaluation RESULT.md DIR...");
            System.exit(2);
        }
        List<Path> dirs = Arrays.stream(args, 1, args.length).map(Path::of).toList();
        QualityEvaluation e = new QualityEvaluation();
        int files = e.run(dirs);
        String table = e.table(files, Arrays.copyOfRange(args, 1, args.length));
        Files.createDirectories(Path.of(args[0]).toAbsolutePath().getParent());
        Files.writeString(Path.of(args[0]), table);
        System.out.print(table);
    }

    /** Evaluates every PDF under {@code dirs}; returns how many there were. */
    int run(List<Path> dirs) throws IOException {
        int files = 0;
        for (Path dir : dirs) {
            List<Path> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).sorted()
                        .forEach(found::add);
            }
            for (Path f : found) {
                evaluate(f, dir);
            }
            files += found.size();
        }
        return files;
    }

    Score strict() {
        return strict;
    }

    Score depthMatched() {
        return depthMatched;
    }

    int headingDocuments() {
        return headingDocs;
    }

    int summaryDocuments() {
        return summaryDocs;
    }

    /** Mean ROUGE over the summary documents: [system][metric], systems summary / first N / plain TextRank, metrics R1 / R2 / RL. */
    double[][] rougeMeans() {
        double[][] means = new double[3][3];
        for (int s = 0; s < 3; s++) {
            for (int m = 0; m < 3; m++) {
                means[s][m] = summaryDocs == 0 ? 0 : rougeSums[s][m] / summaryDocs;
            }
        }
        return means;
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
        int depth = present.stream().mapToInt(OutlineEntry::level).max().orElse(1);
        List<OutlineEntry> shallow = found.stream().filter(d -> d.level() <= depth).toList();
        int hits = matches(found, present, DETAILS ? name : null, model);
        int shallowHits = matches(shallow, present, null, model);
        headingDocs++;
        strict.add(found.size(), present.size(), hits);
        depthMatched.add(shallow.size(), present.size(), shallowHits);
        headingRows.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.2f | %d | %d | %.2f | %.2f |", name,
                present.size(), depth, found.size(), hits, ratio(hits, found.size()), ratio(hits, present.size()),
                shallow.size(), shallowHits, ratio(shallowHits, shallow.size()), ratio(shallowHits, present.size())));
        return null;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * How many detected headings match a bookmark (each bookmark matched at most once, in document
     * order); with {@code name}, prints every detected heading (TP/FP) and every missed bookmark
     * (FN) to stderr.
     */
    private static int matches(List<OutlineEntry> found, List<OutlineEntry> present, String name, TextModel model) {
        boolean[] used = new boolean[present.size()];
        int hits = 0;
        for (OutlineEntry d : found) {
            boolean hit = false;
            for (int i = 0; i < present.size() && !hit; i++) {
                OutlineEntry b = present.get(i);
                if (!used[i] && Math.abs(b.page() - d.page()) <= 1 && same(d.title(), b.title())) {
                    used[i] = true;
                    hits++;
                    hit = true;
                }
            }
            if (name != null) {
                Block blk = model.blocks().get(d.block());
                System.err.printf(Locale.ROOT, "%s %s L%d p%d %.1f%s n%d y%.0f | %s%n", hit ? "TP" : "FP", name, d.level(),
                        d.page(), blk.fontSize(), blk.bold() ? "b" : "", blk.lines(), blk.y(), d.title());
            }
        }
        for (int i = 0; i < present.size() && name != null; i++) {
            if (!used[i]) {
                OutlineEntry b = present.get(i);
                Block blk = model.blocks().stream().filter(x -> Math.abs(x.page() - b.page()) <= 1 && x.text().length() < 300
                        && same(x.text(), b.title())).findFirst().orElseThrow();
                System.err.printf(Locale.ROOT, "FN %s L%d p%d %.1f%s n%d | %s | %s%n", name, b.level(), b.page(),
                        blk.fontSize(), blk.bold() ? "b" : "", blk.lines(), b.title(), blk.text());
            }
        }
        return hits;
    }

    /** Same title up to numbering, case, spacing, punctuation and word order. */
    static boolean same(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        String sx = stripNumbering(x).replace(" ", "");
        String sy = stripNumbering(y).replace(" ", "");
        if (!sx.isEmpty() && sx.equals(sy)) {
            return true;
        }
        if (sorted(x).equals(sorted(y))) {
            return true; // the same words in another order ("Apêndice A - Desenho …" set as "DESENHO … Apêndice A")
        }
        String shorter = sx.length() <= sy.length() ? sx : sy;
        String longer = sx.length() <= sy.length() ? sy : sx;
        return shorter.length() >= 4 && longer.contains(shorter) && shorter.length() * 10 >= longer.length() * 6;
    }

    private static List<String> sorted(String normal) {
        return Arrays.stream(normal.split(" ")).sorted().toList();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String stripNumbering(String s) {
        return s.replaceFirst("^(?:(?:chapter|section|part|appendix|kapitel|capítulo|chapitre)\\s+)?(?:[\\divxlc]+|[a-z])(?:\\s\\d+)*\\s+", "").strip();
    }

    // ---------------------------------------------------------------- report

    private String table(int files, String[] dirs) {
        StringBuilder t = new StringBuilder();
        t.append("# Quality evaluation\n\nInputs: ").append(String.join(", ", dirs)).append(" (").append(files)
                .append(" PDF files).\n\n## Summaries against abstracts (abstract removed from the input)\n\n");
        t.append("ROUGE F1, mean over ").append(summaryDocs).append(" documents; N = sentences in the abstract (2..10).\n\n");
        t.append("| system | ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|---|\n");
        String[] systems = {"summary (biased graph ranking)", "baseline: first N sentences", "baseline: plain TextRank"};
        double[][] means = rougeMeans();
        for (int s = 0; s < 3; s++) {
            t.append("| ").append(systems[s]).append(" |");
            for (int m = 0; m < 3; m++) {
                t.append(String.format(Locale.ROOT, " %.3f |", means[s][m]));
            }
            t.append('\n');
        }
        t.append("\n| document | lang | N | summary R1 / R2 / RL | first-N R1 / R2 / RL | TextRank R1 / R2 / RL |\n")
                .append("|---|---|---|---|---|---|\n");
        summaryRows.forEach(r -> t.append(r).append('\n'));
        t.append("\n## Heading detection against bookmarks (bookmarks hidden from the detector)\n\n");
        t.append("Documents qualify when at least 3 bookmarks point at a page and at least 70% of those have their title "
                + "in a block of their target page ±1 (the *bookmarks in text*, the reference). A detected heading matches "
                + "a bookmark on the bookmark's page ±1 with the same title up to numbering, case, spacing, punctuation and word "
                + "order (or one title containing the other and at least 60% of its length); each bookmark matches at most one "
                + "heading. Micro-averaged over ").append(headingDocs).append(" documents:\n\n");
        t.append("- **strict** (every detected heading counts): ").append(strict.describe()).append(";\n");
        t.append("- **depth-matched** (only detected headings whose inferred level is at most D, the deepest level of the "
                + "document's bookmarks in text; bookmarks often stop a level or two above the deepest headings of the "
                + "text, whose headings strict precision counts as false): ").append(depthMatched.describe()).append(".\n\n");
        t.append("| document | bookmarks in text | D | detected | matched | precision | recall | detected (level ≤ D) | matched "
                + "| precision | recall |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        headingRows.forEach(r -> t.append(r).append('\n'));
        t.append("\n## Documents that qualified for neither evaluation, and why\n\n");
        notQualified.forEach(n -> t.append("- ").append(n).append('\n'));
        return t.toString();
    }

}
