package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.DocumentFixtures;
import dev.pdfvariants.testing.Pdfs;

class ThumbnailsVariantTest {
    @TempDir
    Path tmp;

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        return image;
    }

    @Test
    void rendersTheFirstPageAt72DpiByDefaultAndTheRequestedPagesAtTheRequestedDpi() throws IOException {
        Path input = DocumentFixtures.chapters(tmp.resolve("in/chapters.pdf"));
        Cli.Result first = cli().run("run", input.toString(), "-o", tmp.resolve("a").toString(), "-v", "thumbnails",
                "--progress", "none");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        BufferedImage a4 = png(tmp.resolve("a/chapters/thumbnails/page-1.png"));
        assertThat(a4.getWidth()).isEqualTo(595);
        assertThat(a4.getHeight()).isEqualTo(841);
        assertThat(tmp.resolve("a/chapters/thumbnails/page-2.png")).doesNotExist();

        Cli.Result some = cli().run("run", input.toString(), "-o", tmp.resolve("b").toString(), "-v", "thumbnails",
                "--pages", "2,4-", "--dpi", "36", "--progress", "none");
        assertThat(some.exitCode()).as(some.toString()).isZero();
        try (var files = Files.list(tmp.resolve("b/chapters/thumbnails"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("page-2.png", "page-4.png", "page-5.png");
        }
        assertThat(png(tmp.resolve("b/chapters/thumbnails/page-4.png")).getWidth()).isEqualTo(297);
    }

    @Test
    void aGiantPageIsScaledDownToThePixelCap() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in")).resolve("poster.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(new PDRectangle(14_400, 14_400))); // 200 x 200 inches
            doc.save(input.toFile());
        }
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "thumbnails",
                "--dpi", "300", "--max-pixels", "1M", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        BufferedImage image = png(tmp.resolve("out/poster/thumbnails/page-1.png"));
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(1_000_000).isGreaterThan(990_000);
        assertThat(image.getWidth()).isEqualTo(image.getHeight());
    }

    /**
     * A 6000 x 6000 RGB Flate image is 108 MB decoded, over the whole-stream decode budget: it is
     * drawn from a subsampled streaming decode instead, and still shows.
     */
    @Test
    void aHugeFlateImageIsDrawnFromASubsampledDecode() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in")).resolve("huge-image.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            int side = 6000;
            try (OutputStream raw = stream.createRawOutputStream();
                    DeflaterOutputStream deflate = new DeflaterOutputStream(raw)) {
                byte[] row = new byte[side * 3];
                for (int x = 0; x < side; x++) {
                    row[3 * x] = (byte) 200; // red
                    row[3 * x + 1] = 30;
                    row[3 * x + 2] = 30;
                }
                for (int y = 0; y < side; y++) {
                    deflate.write(row);
                }
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            PDImageXObject image = new PDImageXObject(new PDStream(stream), null);
            image.setWidth(side);
            image.setHeight(side);
            image.setBitsPerComponent(8);
            image.setColorSpace(org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, 595, 842);
            }
            doc.save(input.toFile());
        }
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "thumbnails",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Color center = new Color(png(tmp.resolve("out/huge-image/thumbnails/page-1.png")).getRGB(297, 420));
        assertThat(center.getRed()).isBetween(190, 210);
        assertThat(center.getGreen()).isBetween(20, 40);
    }

    @Test
    void pagesPastTheEndAreReportedAsAWarning() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/one.pdf"), "One page.");
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "thumbnails",
                "--pages", "1,7-9", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(tmp.resolve("out/one/thumbnails/page-1.png")).isRegularFile();
        assertThat(Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "one.pdf").get("warnings").toString())
                .contains("7-9").contains("the document has 1");
    }

    @Test
    void badPagesDpiOrPixelsAreUsageErrors() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/one.pdf"), "One page.");
        String out = tmp.resolve("out").toString();
        assertThat(cli().run("run", input.toString(), "-o", out, "--pages", "x").err()).contains("--pages")
                .contains("'x'");
        assertThat(cli().run("run", input.toString(), "-o", out, "--dpi", "0").exitCode()).isEqualTo(2);
        assertThat(cli().run("run", input.toString(), "-o", out, "--max-pixels", "lots").err())
                .contains("--max-pixels");
    }
}
