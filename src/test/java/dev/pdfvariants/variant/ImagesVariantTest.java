package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;

class ImagesVariantTest {
    @TempDir
    Path tmp;

    private static BufferedImage picture(int w, int h, Color color) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    @Test
    void extractsEachImageOnceJpegByteForByteAndTheRestAsPng() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in")).resolve("pictures.pdf");
        byte[] jpegStream;
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject jpeg = JPEGFactory.createFromImage(doc, picture(120, 80, Color.BLUE), 0.9f);
            PDImageXObject lossless = LosslessFactory.createFromImage(doc, picture(40, 30, Color.GREEN));
            try (InputStream in = jpeg.getCOSObject().createRawInputStream()) {
                jpegStream = in.readAllBytes();
            }
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage(PDRectangle.A5);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(jpeg, 20, 20, 120, 80); // the same object on both pages
                    if (p == 1) {
                        cs.drawImage(lossless, 200, 20, 40, 30);
                    }
                }
            }
            doc.save(input.toFile());
        }

        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "images",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path images = tmp.resolve("out/pictures/images");
        try (var files = Files.list(images)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("images.json", "page-1-1.jpg", "page-2-1.png");
        }
        assertThat(Files.readAllBytes(images.resolve("page-1-1.jpg"))).isEqualTo(jpegStream);
        BufferedImage png = ImageIO.read(images.resolve("page-2-1.png").toFile());
        assertThat(png.getWidth()).isEqualTo(40);
        assertThat(new Color(png.getRGB(5, 5))).isEqualTo(Color.GREEN);
        JsonNode list = Json.mapper().readTree(images.resolve("images.json").toFile()).get("images");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("pages").toString()).isEqualTo("[1,2]");
        assertThat(list.get(0).get("format").asText()).isEqualTo("jpeg");
        assertThat(list.get(1).get("format").asText()).isEqualTo("png");
    }

    /** JBIG2, CCITT fax and JPEG 2000 from the real-world corpus: each extracted, none silently lost. */
    @Test
    void corpusImagesInEveryEncodingAreExtractedOrExplained() throws IOException {
        Path corpus = Corpus.require();
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String f : new String[] {"ocrmypdf-jbig2.pdf", "pypdf-imagemagick-ccittfax.pdf", "opf-balloon-jpeg2000.pdf",
                "pypdf-imagemagick-images.pdf"}) {
            Files.copy(corpus.resolve("images").resolve(f), in.resolve(f));
        }
        Cli.Result r = cli().run("run", in.toString(), "-o", tmp.resolve("out").toString(), "-v", "images",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path out = tmp.resolve("out");
        assertThat(ImageIO.read(out.resolve("ocrmypdf-jbig2/images/page-1-1.png").toFile()).getWidth()).isEqualTo(2550);
        assertThat(ImageIO.read(out.resolve("pypdf-imagemagick-ccittfax/images/page-1-1.png").toFile())).isNotNull();
        byte[] jp2 = Files.readAllBytes(out.resolve("opf-balloon-jpeg2000/images/page-1-1.jp2"));
        assertThat(new String(jp2, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("jP  ");
        JsonNode mixed = Json.mapper().readTree(out.resolve("pypdf-imagemagick-images/images/images.json").toFile());
        assertThat(mixed.get("images")).hasSizeGreaterThanOrEqualTo(4).allMatch(i -> i.hasNonNull("file"));
    }
}
