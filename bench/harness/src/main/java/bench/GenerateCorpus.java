package bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * A reproducible benchmark corpus that looks like a folder of reports and manuals: a long-tailed
 * mix of document lengths; most documents embed subset TrueType fonts (DejaVu, from the Debian
 * package fonts-dejavu-core), the others use the non-embedded standard fonts; one- and two-column
 * pages with running headers, page numbers, bold headings, justified paragraphs, ruled tables,
 * charts drawn as vector paths and raster figures; bookmarks in some documents. The prose mixes
 * English function words (about 45% of the words, as in real text), a few topic words per
 * document and a Zipf-distributed vocabulary of 4,000 domain and made-up words, so that text
 * statistics (term frequencies, sentence similarity) behave like a real document's. Content comes
 * from a fixed seed, so the same arguments give the same documents.
 * <p>
 * Usage: {@code GenerateCorpus OUT_DIR [TARGET_PAGES=3000] [SEED=42] [--small]}. With
 * {@code --small}, every document has one to three pages (the corpus for worker scaling).
 */
public final class GenerateCorpus {
    /** Where Debian's fonts-dejavu-core puts its fonts. */
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    /** English function words, most frequent first: about 45% of running text, as in real prose. */
    private static final String[] FUNCTION = ("the of and to a in is that for it as was with be by on not this are or "
            + "from at which but have an they were been one all their has would when if no will can more other its "
            + "into only some could these two may first then any such our also than after most over its before must "
            + "through where much should because each those how between both under while during without within "
            + "about above against among around since until upon whether however therefore although").split(" ");
    /** Domain words of reports and manuals, mixed into the generated vocabulary. */
    private static final String[] WORDS = ("document system report batch process measure result method analysis value "
            + "data table figure section energy water building temperature survey policy network model storage "
            + "memory cluster scheduler throughput latency library archive manual chapter appendix reference "
            + "maintenance procedure inspection equipment operator assembly component voltage pressure calibration "
            + "safety installation requirement specification interface configuration performance resource budget").split(" ");
    /** Content vocabulary: the domain words and pronounceable made-up words, drawn with Zipf frequencies. */
    private static final String[] CONTENT = vocabulary(4000, 7);
    private static final double[] ZIPF = zipf(CONTENT.length, 1.05);
    private static final float PAGE_W = PDRectangle.LETTER.getWidth();
    private static final float PAGE_H = PDRectangle.LETTER.getHeight();
    private static final float MARGIN = 64;

    /** The fonts of one document. */
    private record Fonts(PDFont body, PDFont bold, PDFont heading) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int targetPages = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        boolean small = args.length > 3 && args[3].equals("--small");
        boolean dejavu = Files.isRegularFile(DEJAVU.resolve("DejaVuSerif.ttf"));
        if (!dejavu) {
            System.err.println("GenerateCorpus: fonts-dejavu-core is not installed: every document uses the standard "
                    + "fonts (the corpus differs from the reference one)");
        }
        Random random = new Random(seed);
        int pages = 0;
        int n = 0;
        while (pages < targetPages) {
            int docPages;
            if (small) {
                docPages = 1 + random.nextInt(3);
            } else {
                // long tail: 60% 1-6 pages, 30% 8-40 pages, 10% 60-300 pages
                double r = random.nextDouble();
                docPages = r < 0.60 ? 1 + random.nextInt(6) : r < 0.90 ? 8 + random.nextInt(33) : 60 + random.nextInt(241);
            }
            docPages = Math.min(docPages, targetPages - pages);
            Path file = out.resolve(String.format("set-%02d/doc-%04d.pdf", n % 10, n));
            Files.createDirectories(file.getParent());
            write(file, n, docPages, new Random(random.nextLong()), dejavu && random.nextInt(4) != 0);
            pages += docPages;
            n++;
        }
        Files.writeString(out.resolve("README.txt"), "Generated by bench/harness GenerateCorpus " + String.join(" ", args)
                + "\n" + n + " documents, " + pages + " pages; embedded DejaVu fonts: " + (dejavu ? "yes" : "no") + "\n");
        System.out.println(n + " documents, " + pages + " pages in " + out);
    }

    private static void write(Path file, int number, int pages, Random random, boolean embedded) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = embedded
                    ? new Fonts(PDType0Font.load(doc, DEJAVU.resolve("DejaVuSerif.ttf").toFile()),
                            PDType0Font.load(doc, DEJAVU.resolve("DejaVuSerif-Bold.ttf").toFile()),
                            PDType0Font.load(doc, DEJAVU.resolve("DejaVuSans-Bold.ttf").toFile()))
                    : new Fonts(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN),
                            new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD),
                            new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
            topics = new String[30];
            for (int i = 0; i < topics.length; i++) {
                topics[i] = CONTENT[random.nextInt(CONTENT.length)];
            }
            String title = capitalize(sentence(random, 3 + random.nextInt(4)));
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setAuthor("Benchmark corpus generator");
            doc.setDocumentInformation(info);
            boolean columns = random.nextInt(5) < 2;
            PDDocumentOutline outline = random.nextInt(3) == 0 ? new PDDocumentOutline() : null;
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    String heading = (p + 1) + " " + capitalize(sentence(random, 2 + random.nextInt(4)));
                    decorate(cs, fonts, title, p + 1);
                    float y = PAGE_H - MARGIN - 20;
                    show(cs, fonts.heading(), 15, MARGIN, y, heading);
                    y -= 30;
                    if (p == 0 && random.nextBoolean()) {
                        show(cs, fonts.bold(), 20, MARGIN, y, title);
                        y -= 36;
                    }
                    int extra = random.nextInt(10);
                    if (extra < 3) {
                        y = table(cs, fonts, random, y);
                    } else if (extra < 5) {
                        y = chart(cs, fonts, random, y);
                    } else if (extra < 6) {
                        y = figure(doc, cs, fonts, random, y);
                    }
                    if (columns) {
                        float width = (PAGE_W - 2 * MARGIN - 18) / 2;
                        text(cs, fonts, random, MARGIN, y, width, 9.5f);
                        text(cs, fonts, random, MARGIN + width + 18, y, width, 9.5f);
                    } else {
                        text(cs, fonts, random, MARGIN, y, PAGE_W - 2 * MARGIN, 10.5f);
                    }
                    if (outline != null) {
                        PDOutlineItem item = new PDOutlineItem();
                        item.setTitle(heading);
                        PDPageFitWidthDestination dest = new PDPageFitWidthDestination();
                        dest.setPage(page);
                        item.setDestination(dest);
                        outline.addLast(item);
                    }
                }
            }
            if (outline != null) {
                doc.getDocumentCatalog().setDocumentOutline(outline);
            }
            COSArray id = new COSArray();
            id.add(new COSString(String.format("%016d", number).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            id.add(new COSString(String.format("%016d", number).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            doc.getDocument().setDocumentID(id);
            doc.save(file.toFile());
        }
    }

    /** Running header with a rule, and the page number in the footer. */
    private static void decorate(PDPageContentStream cs, Fonts fonts, String title, int page) throws IOException {
        show(cs, fonts.body(), 8, MARGIN, PAGE_H - 40, title);
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, PAGE_H - 44);
        cs.lineTo(PAGE_W - MARGIN, PAGE_H - 44);
        cs.stroke();
        show(cs, fonts.body(), 9, PAGE_W / 2 - 6, 36, Integer.toString(page));
    }

    /** Justified paragraphs filling a column from {@code top} down to the bottom margin. */
    private static void text(PDPageContentStream cs, Fonts fonts, Random random, float x, float top, float width,
            float size) throws IOException {
        float leading = size * 1.3f;
        float y = top;
        while (y > MARGIN + 20) {
            if (random.nextInt(6) == 0) {
                show(cs, fonts.bold(), size + 1, x, y, capitalize(sentence(random, 2 + random.nextInt(4))));
                y -= leading * 1.4f;
            }
            List<String> lines = wrap(fonts.body(), size, width, paragraph(random));
            for (int i = 0; i < lines.size() && y > MARGIN + 20; i++) {
                String line = lines.get(i);
                float natural = fonts.body().getStringWidth(line) / 1000 * size;
                int gaps = line.length() - line.replace(" ", "").length();
                float wordSpacing = i < lines.size() - 1 && gaps > 0 ? (width - natural) / gaps : 0;
                cs.beginText();
                cs.setFont(fonts.body(), size);
                cs.newLineAtOffset(x, y);
                if (wordSpacing > 0 && fonts.body() instanceof PDType1Font) {
                    cs.setWordSpacing(wordSpacing); // Tw works for single-byte fonts only
                    cs.showText(line);
                    cs.setWordSpacing(0);
                } else {
                    cs.showText(line);
                }
                cs.endText();
                y -= leading;
            }
            y -= leading * 0.6f;
        }
    }

    /** A ruled table of figures with a bold header row. */
    private static float table(PDPageContentStream cs, Fonts fonts, Random random, float top) throws IOException {
        int cols = 4 + random.nextInt(3);
        int rows = 5 + random.nextInt(8);
        float width = PAGE_W - 2 * MARGIN;
        float cell = width / cols;
        float rowH = 14;
        for (int r = 0; r <= rows; r++) {
            cs.moveTo(MARGIN, top - r * rowH);
            cs.lineTo(MARGIN + width, top - r * rowH);
        }
        for (int c = 0; c <= cols; c++) {
            cs.moveTo(MARGIN + c * cell, top);
            cs.lineTo(MARGIN + c * cell, top - rows * rowH);
        }
        cs.setLineWidth(0.4f);
        cs.stroke();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String value = r == 0 ? capitalize(WORDS[random.nextInt(WORDS.length)])
                        : c == 0 ? CONTENT[zipfIndex(random)]
                        : String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble() * Math.pow(10, random.nextInt(4)));
                show(cs, r == 0 ? fonts.bold() : fonts.body(), 8.5f, MARGIN + c * cell + 3, top - r * rowH - 10, value);
            }
        }
        float y = top - rows * rowH - 14;
        show(cs, fonts.body(), 9, MARGIN, y, "Table " + (1 + random.nextInt(20)) + ": " + sentence(random, 6));
        return y - 22;
    }

    /** A line chart drawn as vector paths, with axes and labels. */
    private static float chart(PDPageContentStream cs, Fonts fonts, Random random, float top) throws IOException {
        float h = 150;
        float w = PAGE_W - 2 * MARGIN - 40;
        float x0 = MARGIN + 30;
        float y0 = top - h;
        cs.setLineWidth(0.8f);
        cs.moveTo(x0, top);
        cs.lineTo(x0, y0);
        cs.lineTo(x0 + w, y0);
        cs.stroke();
        for (int series = 0; series < 2; series++) {
            cs.setStrokingColor(series == 0 ? 0.1f : 0.7f, 0.3f, series == 0 ? 0.7f : 0.2f);
            float v = random.nextFloat() * h;
            cs.moveTo(x0, y0 + v);
            for (int i = 1; i <= 120; i++) {
                v = Math.max(0, Math.min(h, v + (random.nextFloat() - 0.5f) * 14));
                cs.lineTo(x0 + w * i / 120, y0 + v);
            }
            cs.stroke();
        }
        cs.setStrokingColor(0f, 0f, 0f);
        for (int t = 0; t <= 5; t++) {
            show(cs, fonts.body(), 7, x0 - 22, y0 + h * t / 5 - 2, Integer.toString(t * 20));
            show(cs, fonts.body(), 7, x0 + w * t / 5 - 4, y0 - 10, Integer.toString(2000 + t * 4));
        }
        show(cs, fonts.body(), 9, MARGIN, y0 - 26, "Figure " + (1 + random.nextInt(20)) + ": " + sentence(random, 7));
        return y0 - 46;
    }

    /** A raster figure (a smooth pattern with noise, lossless) and its caption. */
    private static float figure(PDDocument doc, PDPageContentStream cs, Fonts fonts, Random random, float top)
            throws IOException {
        int w = 240;
        int h = 140;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float fx = 0.02f + random.nextFloat() * 0.08f;
        float fy = 0.02f + random.nextFloat() * 0.08f;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (int) (127 + 120 * Math.sin(x * fx)) & 0xff;
                int g = (int) (127 + 120 * Math.cos(y * fy)) & 0xff;
                int b = (x * y / 64 + random.nextInt(24)) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
        float dh = 150;
        float dw = dh * w / h;
        cs.drawImage(xobject, MARGIN, top - dh, dw, dh);
        float y = top - dh - 14;
        show(cs, fonts.body(), 9, MARGIN, y, "Figure " + (1 + random.nextInt(20)) + ": " + sentence(random, 8));
        return y - 22;
    }

    private static void show(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private static List<String> wrap(PDFont font, float size, float width, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            String candidate = line.length() == 0 ? w : line + " " + w;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(w);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static String paragraph(Random random) {
        StringBuilder sb = new StringBuilder();
        int count = 2 + random.nextInt(6);
        for (int s = 0; s < count; s++) {
            if (s > 0) {
                sb.append(' ');
            }
            sb.append(capitalize(sentence(random, 8 + random.nextInt(16)))).append(random.nextInt(12) == 0 ? "?" : ".");
        }
        return sb.toString();
    }

    /** The words one document keeps coming back to (set per document). */
    private static String[] topics = new String[0];

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(i % 7 == 6 && random.nextInt(3) == 0 ? ", " : " ");
            }
            double r = random.nextDouble();
            if (r < 0.45) {
                sb.append(FUNCTION[(int) Math.min(FUNCTION.length - 1, Math.abs(random.nextGaussian()) * FUNCTION.length / 3)]);
            } else if (r < 0.60 && topics.length > 0) {
                sb.append(topics[random.nextInt(topics.length)]);
            } else {
                sb.append(CONTENT[zipfIndex(random)]);
            }
        }
        return sb.toString();
    }

    private static int zipfIndex(Random random) {
        int i = java.util.Arrays.binarySearch(ZIPF, random.nextDouble());
        return Math.min(CONTENT.length - 1, i < 0 ? -i - 1 : i);
    }

    /** Cumulative Zipf probabilities for ranks 1..n with exponent s. */
    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            c[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            c[k] /= sum;
        }
        return c;
    }

    /** The domain words, then made-up words of one to three syllables, some with English suffixes. */
    private static String[] vocabulary(int size, long seed) {
        String[] onsets = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr",
            "pl", "gr", "br", "ch", "sh", "th", "cl", "pr"};
        String[] nuclei = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ie"};
        String[] codas = {"", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "nt"};
        String[] suffixes = {"", "", "", "", "ing", "ed", "ion", "al", "s", "er", "ity", "ment", "ly", "ness"};
        Random random = new Random(seed);
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>(java.util.Arrays.asList(WORDS));
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int k = 0; k < syllables; k++) {
                w.append(onsets[random.nextInt(onsets.length)]).append(nuclei[random.nextInt(nuclei.length)])
                        .append(codas[random.nextInt(codas.length)]);
            }
            w.append(suffixes[random.nextInt(suffixes.length)]);
            if (w.length() > 2) {
                words.add(w.toString());
            }
        }
        return words.toArray(new String[0]);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private GenerateCorpus() {
    }
}
