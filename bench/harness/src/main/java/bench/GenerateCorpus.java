package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A reproducible benchmark corpus: many small documents and a few large ones (a long-tailed mix,
 * as real folders are), each page a heading and paragraphs of pseudo-English from a fixed seed.
 * Usage: GenerateCorpus OUT_DIR [TARGET_PAGES=3000] [SEED=42].
 */
public final class GenerateCorpus {
    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not he this are or his "
            + "from at which but have an they you were her she there been one all we their has would when if so no "
            + "will can more other its into only time some could these two may first then do any like my now over "
            + "such our man me even most made after also did many before must through back years where much your "
            + "way down should because each just those people how too little state good very make world still own "
            + "see men work long get here between both life being under never day same another know while last "
            + "document system report batch process measure result method analysis value data table figure "
            + "section energy water building temperature survey policy network model storage memory cluster "
            + "scheduler throughput latency library archive manual chapter appendix reference").split(" ");

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int targetPages = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Random random = new Random(seed);
        PDType1Font body = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        int pages = 0;
        int n = 0;
        while (pages < targetPages) {
            // long tail: 70% 1-5 pages, 25% 6-40 pages, 5% 80-300 pages
            double r = random.nextDouble();
            int docPages = r < 0.70 ? 1 + random.nextInt(5) : r < 0.95 ? 6 + random.nextInt(35) : 80 + random.nextInt(221);
            docPages = Math.min(docPages, targetPages - pages);
            Path file = out.resolve(String.format("set-%02d/doc-%04d.pdf", n % 10, n));
            Files.createDirectories(file.getParent());
            write(file, docPages, random, body, bold);
            pages += docPages;
            n++;
        }
        System.out.println(n + " documents, " + pages + " pages in " + out);
    }

    private static void write(Path file, int pages, Random random, PDType1Font body, PDType1Font bold)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 720;
                    cs.beginText();
                    cs.setFont(bold, 14);
                    cs.newLineAtOffset(72, y);
                    cs.showText((p + 1) + " " + capitalize(sentence(random, 4)));
                    cs.endText();
                    y -= 28;
                    cs.setFont(body, 10.5f);
                    while (y > 90) {
                        for (String line : paragraph(random)) {
                            if (y < 90) {
                                break;
                            }
                            cs.beginText();
                            cs.newLineAtOffset(72, y);
                            cs.showText(line);
                            cs.endText();
                            y -= 13;
                        }
                        y -= 8;
                    }
                }
            }
            doc.save(file.toFile());
        }
    }

    private static List<String> paragraph(Random random) {
        List<String> lines = new ArrayList<>();
        int count = 3 + random.nextInt(6);
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < count; s++) {
            for (String w : (capitalize(sentence(random, 8 + random.nextInt(14))) + ".").split(" ")) {
                if (line.length() + w.length() > 92) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(w);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * WORDS.length / 3)]);
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private GenerateCorpus() {
    }
}
