package dev.pdfvariants.schedule;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.OtlpReceiver;
import dev.pdfvariants.testing.OtlpReceiver.Received;
import dev.pdfvariants.text.Sentence;
import dev.pdfvariants.text.TextModel;

/**
 * One load and one parse per document whatever the variants, and one text extraction shared by
 * every variant that reads text: counted from the spans of a real run ({@code pdf.load} and
 * {@code text.model} under each {@code document} span). Only the variants that modify the PDF
 * open a private copy, by design.
 */
class OneParseTest {
    /** Every variant that reads the shared document (none of them modifies it). */
    private static final String READERS = "text,metadata,summary,outline,topics,highlights,notes,quiz,presentation,"
            + "abridged,thumbnails,images";

    @TempDir
    Path tmp;

    @Test
    void everyReadingVariantSharesOneLoadAndOneExtractionPerDocument() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            Path out = tmp.resolve("out");
            Cli.Result r = cli().env("ENABLE_TRACING", "true").env("OTLP_ENDPOINT", collector.url())
                    .run("run", "-v", READERS, Corpus.samples().toString(), "-o", out.toString(), "--progress", "none");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1); // samples/broken fails to load

            List<Received> documents = collector.named("document");
            assertThat(documents).hasSize(5);
            for (Received document : documents) {
                Map<String, Long> steps = collector.childrenOf(document).stream()
                        .collect(Collectors.groupingBy(Received::name, Collectors.counting()));
                assertThat(steps).as(document.attributes().toString()).containsEntry("pdf.load", 1L);
                assertThat(steps.getOrDefault("text.model", 0L)).as(document.attributes().toString()).isLessThanOrEqualTo(1L);
            }
            assertThat(collector.named("text.model")).as("one extraction for each of the 4 documents that open")
                    .hasSize(4);
        }
    }

    @Test
    void plainTextAloneSkipsTheLayoutButGivesTheSameText() throws Exception {
        Path all = tmp.resolve("all");
        Path text = tmp.resolve("text");
        assertThat(cli().run("run", Corpus.samples().toString(), "-o", all.toString(), "--progress", "none").exitCode())
                .isEqualTo(1);
        assertThat(cli().run("run", "-v", "text", Corpus.samples().toString(), "-o", text.toString(), "--progress",
                "none").exitCode()).isEqualTo(1);
        for (String doc : List.of("reports/rooftop-gardens-report", "papers/adaptive-batching-paper",
                "es/informe-bibliotecas")) {
            assertThat(Files.readString(text.resolve(doc + "/text.txt")))
                    .isEqualTo(Files.readString(all.resolve(doc + "/text.txt")));
        }
    }

    @Test
    void aModelAskedForAfterALayoutFreeExtractionComesFromASecondPassAndIsTheSame() throws IOException {
        Path file = Corpus.samples().resolve("reports/rooftop-gardens-report.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            DocumentContext plain = context(file, pdf).recordLayout(false);
            plain.pageTexts();
            TextModel late = plain.textModel();
            TextModel usual = context(file, pdf).textModel();
            assertThat(late.sentences()).extracting(Sentence::text)
                    .containsExactlyElementsOf(usual.sentences().stream().map(Sentence::text).toList())
                    .isNotEmpty();
            assertThat(late.headings()).hasSameSizeAs(usual.headings());
            assertThat(late.language()).isEqualTo(usual.language());
        }
    }

    private static DocumentContext context(Path file, PDDocument pdf) {
        return new DocumentContext(new SourceFile(file, file.getFileName().toString()), pdf, 0, "0",
                VariantSettings.defaults(), Cancellation.none());
    }
}
