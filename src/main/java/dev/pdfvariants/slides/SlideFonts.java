package dev.pdfvariants.slides;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts slides are drawn with. The bundled DejaVu Sans covers Latin, Greek and Cyrillic (and
 * more); characters it lacks (Chinese, Japanese, Korean …) are drawn with an installed system
 * TrueType font that has them: a few well-known files first (Debian's fonts-droid-fallback,
 * fonts-wqy, fonts-noto), then any {@code .ttf} under the system font directories. The search
 * runs once per JVM and only when a deck needs a character the bundled font lacks.
 */
final class SlideFonts {
    static final String BUNDLED = "/dev/pdfvariants/slides/DejaVuSans.ttf";
    private static final List<Path> KNOWN = Stream.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
            "/usr/share/fonts/truetype/nanum/NanumGothic.ttf").map(Path::of).toList();
    private static final List<Path> SYSTEM_DIRS = List.of(Path.of("/usr/share/fonts/truetype"),
            Path.of("/usr/local/share/fonts"), Path.of(System.getProperty("user.home", "/nonexistent"), ".fonts"));
    private static final int MAX_SCANNED = 300;

    /** Parsed system fonts for glyph lookups, by file, in search order; filled on first need. */
    private static Map<Path, CmapLookup> systemFonts;
    private static CmapLookup bundledLookup;

    private SlideFonts() {
    }

    /** The bundled font's glyph lookup. */
    static synchronized CmapLookup bundled() throws IOException {
        if (bundledLookup == null) {
            try (InputStream in = SlideFonts.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IOException("bundled font missing from the jar: " + BUNDLED);
                }
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
                bundledLookup = ttf.getUnicodeCmapLookup();
            }
        }
        return bundledLookup;
    }

    static PDType0Font loadBundled(PDDocument doc) throws IOException {
        try (InputStream in = SlideFonts.class.getResourceAsStream(BUNDLED)) {
            return PDType0Font.load(doc, in, true);
        }
    }

    /** The first system font with a glyph for {@code codePoint}, or null. */
    static synchronized Path systemFontFor(int codePoint) {
        if (systemFonts == null) {
            systemFonts = new LinkedHashMap<>();
            List<Path> candidates = new ArrayList<>(KNOWN);
            for (Path dir : SYSTEM_DIRS) {
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> walk = Files.walk(dir, 4)) {
                        walk.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttf"))
                                .sorted().limit(MAX_SCANNED).forEach(candidates::add);
                    } catch (IOException | RuntimeException e) {
                        // an unreadable font directory: skip it
                    }
                }
            }
            for (Path p : candidates) {
                if (!systemFonts.containsKey(p) && Files.isRegularFile(p) && p.toString().endsWith(".ttf")) {
                    try {
                        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()));
                        CmapLookup lookup = ttf.getUnicodeCmapLookup(false);
                        if (lookup != null && ttf.getGlyph() != null) {
                            systemFonts.put(p, lookup); // glyf outlines: embeddable by PDFBox
                        }
                    } catch (IOException | RuntimeException e) {
                        // not a usable TrueType font
                    }
                }
            }
        }
        for (Map.Entry<Path, CmapLookup> e : systemFonts.entrySet()) {
            if (e.getValue().getGlyphId(codePoint) > 0) {
                return e.getKey();
            }
        }
        return null;
    }

    static PDType0Font load(PDDocument doc, Path file) throws IOException {
        return PDType0Font.load(doc, file.toFile());
    }
}
