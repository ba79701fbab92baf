package dev.pdfvariants.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Builds small, deterministic PDFs for samples and tests: headings (optionally bookmarked),
 * wrapped paragraphs, running headers and page-number footers, image-only pages. The same content
 * always gives the same bytes (fixed dates and document id), so generated fixtures can be
 * compared and committed.
 */
public final class PdfFixture {
    private static final float MARGIN = 72;
    private static final float BODY_SIZE = 11;
    private static final float LEADING = 1.35f;

    private final List<Block> blocks = new ArrayList<>();
    private String title;
    private String author;
    private String subject;
    private String runningHeader;
    private boolean pageNumbers;
    private boolean bookmarks;
    private String language;

    private PdfFixture() {
    }

    public static PdfFixture create() {
        return new PdfFixture();
    }

    /** Info-dictionary title, also printed as a large title block at the current position. */
    public PdfFixture title(String text) {
        this.title = text;
        blocks.add(new Block(Kind.TITLE, 0, text));
        return this;
    }

    /** Info-dictionary title only, nothing printed on the page. */
    public PdfFixture metadataTitle(String text) {
        this.title = text;
        return this;
    }

    public PdfFixture author(String text) {
        this.author = text;
        blocks.add(new Block(Kind.AUTHOR, 0, text));
        return this;
    }

    public PdfFixture subject(String text) {
        this.subject = text;
        return this;
    }

    /** The catalog's /Lang, e.g. {@code es-ES}. */
    public PdfFixture language(String tag) {
        this.language = tag;
        return this;
    }

    /** A line repeated at the top of every page (a running header). */
    public PdfFixture runningHeader(String text) {
        this.runningHeader = text;
        return this;
    }

    /** "Page N" centred at the bottom of every page. */
    public PdfFixture pageNumbers() {
        this.pageNumbers = true;
        return this;
    }

    /** Adds a bookmark (outline item) for every heading, nested by level. */
    public PdfFixture bookmarks() {
        this.bookmarks = true;
        return this;
    }

    /** A heading: level 1 is largest. */
    public PdfFixture heading(int level, String text) {
        blocks.add(new Block(Kind.HEADING, level, text));
        return this;
    }

    public PdfFixture paragraph(String text) {
        blocks.add(new Block(Kind.PARAGRAPH, 0, text));
        return this;
    }

    /**
     * Lines set exactly as given, one under the other with no wrapping and no space between them,
     * in Times ({@code bold}: Helvetica Bold) of {@code size} points, then the usual space after a
     * paragraph: table rows, labels, a table of contents, a list.
     */
    public PdfFixture lines(float size, boolean bold, String... lines) {
        blocks.add(new Block(bold ? Kind.BOLD_LINES : Kind.LINES, Math.round(size * 10), String.join("\n", lines)));
        return this;
    }

    public PdfFixture pageBreak() {
        blocks.add(new Block(Kind.PAGE_BREAK, 0, ""));
        return this;
    }

    /** A page holding only a picture of the given lines of text: no text layer. */
    public PdfFixture imageOnlyPage(String... lines) {
        blocks.add(new Block(Kind.IMAGE_PAGE, 0, String.join("\n", lines)));
        return this;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes());
    }

    public byte[] bytes() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            new Writer(doc).render();
            PDDocumentInformation info = doc.getDocumentInformation();
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.clear();
            fixed.set(2026, Calendar.JANUARY, 15, 9, 30, 0);
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            info.setProducer("pdfvariants sample generator");
            info.setCreator("pdfvariants PdfFixture");
            if (title != null) {
                info.setTitle(title);
            }
            if (author != null) {
                info.setAuthor(author);
            }
            if (subject != null) {
                info.setSubject(subject);
            }
            if (language != null) {
                doc.getDocumentCatalog().setLanguage(language);
            }
            COSArray id = new COSArray();
            byte[] idBytes = Integer.toHexString(blocks.toString().hashCode()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            id.add(new COSString(idBytes));
            id.add(new COSString(idBytes));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private enum Kind { TITLE, AUTHOR, HEADING, PARAGRAPH, PAGE_BREAK, IMAGE_PAGE, LINES, BOLD_LINES }

    private record Block(Kind kind, int level, String text) {
    }

    /** Lays blocks out top to bottom, starting new pages as needed. */
    private final class Writer {
        // fonts belong to one document: a font dictionary saved in one document keeps the object
        // number it got there, so sharing one across documents makes the bytes depend on test order
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDType1Font sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDDocument doc;
        private final PDRectangle box = PDRectangle.A4;
        private final Deque<PDOutlineItem> outlineStack = new ArrayDeque<>();
        private final Deque<Integer> levelStack = new ArrayDeque<>();
        private PDDocumentOutline outline;
        private PDPage page;
        private PDPageContentStream content;
        private float y;
        private int pageCount;

        Writer(PDDocument doc) {
            this.doc = doc;
        }

        void render() throws IOException {
            if (bookmarks) {
                outline = new PDDocumentOutline();
                doc.getDocumentCatalog().setDocumentOutline(outline);
            }
            for (Block b : blocks) {
                switch (b.kind()) {
                    case TITLE -> text(b.text(), bold, 20, 10);
                    case AUTHOR -> text(b.text(), sans, 12, 14);
                    case HEADING -> heading(b);
                    case PARAGRAPH -> text(b.text(), regular, BODY_SIZE, 8);
                    case PAGE_BREAK -> newPage();
                    case IMAGE_PAGE -> imagePage(b.text());
                    case LINES, BOLD_LINES -> show(List.of(b.text().split("\n")), b.kind() == Kind.BOLD_LINES ? bold : regular,
                            b.level() / 10f, 8);
                }
            }
            finishPage();
        }

        private void heading(Block b) throws IOException {
            float size = switch (b.level()) {
                case 1 -> 16;
                case 2 -> 13;
                default -> 11.5f;
            };
            ensureRoom(size * 3 + BODY_SIZE * 3);
            y -= size * 0.6f;
            float top = y;
            text(b.text(), bold, size, 6);
            if (outline != null) {
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(b.text());
                PDPageFitWidthDestination dest = new PDPageFitWidthDestination();
                dest.setPage(page);
                dest.setTop((int) (top + size));
                item.setDestination(dest);
                while (!levelStack.isEmpty() && levelStack.peek() >= b.level()) {
                    levelStack.pop();
                    outlineStack.pop();
                }
                if (outlineStack.isEmpty()) {
                    outline.addLast(item);
                } else {
                    outlineStack.peek().addLast(item);
                }
                outlineStack.push(item);
                levelStack.push(b.level());
            }
        }

        private void text(String text, PDType1Font font, float size, float spaceAfter) throws IOException {
            show(wrap(text, font, size, box.getWidth() - 2 * MARGIN), font, size, spaceAfter);
        }

        private void show(List<String> lines, PDType1Font font, float size, float spaceAfter) throws IOException {
            for (String line : lines) {
                ensureRoom(size * LEADING);
                y -= size * LEADING;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            }
            y -= spaceAfter;
        }

        private void imagePage(String text) throws IOException {
            finishPage();
            page = new PDPage(box);
            doc.addPage(page);
            pageCount++;
            int w = 1240;
            int h = 1754;
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(250, 248, 240));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(30, 30, 30));
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 34));
            int lineY = 200;
            for (String line : text.split("\n")) {
                g.drawString(line, 150, lineY);
                lineY += 56;
            }
            g.dispose();
            PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, 0.8f);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(xobject, 0, 0, box.getWidth(), box.getHeight());
            }
            page = null;
        }

        private void ensureRoom(float needed) throws IOException {
            if (content == null || y - needed < MARGIN + 20) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            finishPage();
            page = new PDPage(box);
            doc.addPage(page);
            pageCount++;
            content = new PDPageContentStream(doc, page);
            y = box.getHeight() - MARGIN;
            if (runningHeader != null) {
                content.beginText();
                content.setFont(sans, 8);
                content.newLineAtOffset(MARGIN, box.getHeight() - 40);
                content.showText(runningHeader);
                content.endText();
            }
            if (pageNumbers) {
                String label = "Page " + pageCount;
                float labelWidth = sans.getStringWidth(label) / 1000 * 9;
                content.beginText();
                content.setFont(sans, 9);
                content.newLineAtOffset((box.getWidth() - labelWidth) / 2, 40);
                content.showText(label);
                content.endText();
            }
        }

        private void finishPage() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    /** Greedy word wrap by the font's real glyph widths. */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
