package dev.pdfvariants.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.config.DocumentSettings;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TextOrder;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.PageTexts;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.ActiveContent;
import dev.pdfvariants.testing.DocumentFixtures;

/**
 * The variants that change a PDF work on a private copy: the document every variant shares is the
 * same after them (same active content, same page content, not encrypted), and its text, extracted
 * once before them, is still the one served after them.
 */
class PrivateCopyTest {
    @TempDir
    Path tmp;

    @Test
    void modifyingVariantsLeaveTheSharedDocumentAsItWas() throws Exception {
        Path input = DocumentFixtures.active(tmp.resolve("in/active.pdf"));
        DocumentSettings defaults = DocumentSettings.defaults();
        VariantSettings settings = new VariantSettings(TextOrder.STREAM, new DocumentSettings(defaults.thumbnailPages(),
                defaults.dpi(), defaults.maxPixels(), defaults.split(), defaults.watermark(),
                new DocumentSettings.Protection(Secret.of("pw", "test"), null, EnumSet.allOf(DocumentSettings.Permission.class))));
        PdfLoader loader = new PdfLoader(null);
        OutputLayout layout = new OutputLayout(tmp.resolve("out"));
        try (PDDocument shared = loader.load(input, Files.size(input))) {
            DocumentContext context = new DocumentContext(new SourceFile(input, "active.pdf"), shared, Files.size(input),
                    "sha", settings, Cancellation.none(), loader);
            PageTexts textBefore = context.pageTexts();
            var activeBefore = ActiveContent.scan(shared, Cancellation.none());
            byte[] contentBefore = content(shared.getPage(0));
            int annotationsBefore = shared.getPage(0).getAnnotations().size();

            for (Variant v : List.of(new SanitizedVariant(), new WatermarkedVariant(), new EncryptedVariant(),
                    new CompressedVariant(), new SplitVariant())) {
                OutputSink sink = new OutputSink(layout, layout.documentDir("active.pdf"), Cancellation.none());
                v.generate(context, sink);
                assertThat(sink.commit()).as(v.name()).isNotEmpty();
            }

            assertThat(ActiveContent.scan(shared, Cancellation.none())).isEqualTo(activeBefore)
                    .containsKeys("javascript", "embedded-files", "action:launch");
            assertThat(content(shared.getPage(0))).isEqualTo(contentBefore);
            assertThat(shared.getPage(0).getAnnotations()).hasSize(annotationsBefore);
            assertThat(shared.isEncrypted()).isFalse();
            assertThat(shared.getDocumentInformation().getTitle()).isEqualTo("Active content");
            assertThat(context.pageTexts()).isSameAs(textBefore);
        }
    }

    private static byte[] content(PDPage page) throws IOException {
        try (InputStream in = page.getContents()) {
            return in.readAllBytes();
        }
    }
}
