package dev.pdfvariants.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.ImageIO;

/** PNG encoding of rendered or decoded images. */
public final class Png {
    private Png() {
    }

    public static void write(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer for a " + image.getType() + " image");
        }
    }
}
