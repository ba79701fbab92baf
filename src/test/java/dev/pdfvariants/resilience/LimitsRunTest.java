package dev.pdfvariants.resilience;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.PdfFixture;
import dev.pdfvariants.testing.Pdfs;

/** {@code --max-pages}, {@code --max-file-size}, {@code --max-stream-size} through the command line. */
class LimitsRunTest {
    @TempDir
    Path tmp;

    @Test
    void documentsOverALimitFailAsLimitExceededWithAClearMessageAndTheOthersSucceed() throws IOException {
        Path in = tmp.resolve("in");
        PdfFixture.create().paragraph("one").pageBreak().paragraph("two").pageBreak().paragraph("three")
                .write(in.resolve("three-pages.pdf"));
        Pdfs.simple(in.resolve("small.pdf"), "small");
        ResourceLimitsTest.bomb(in.resolve("bomb.pdf"), 3 << 20);
        Path out = tmp.resolve("out");

        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "--max-pages", "2",
                "--max-stream-size", "1m", "--progress", "none");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode manifest = Pdfs.manifest(out);
        JsonNode pages = Pdfs.document(manifest, "three-pages.pdf");
        assertThat(pages.at("/error/kind").asText()).isEqualTo("limit-exceeded");
        assertThat(pages.at("/error/message").asText()).isEqualTo("it has 3 pages, more than --max-pages 2");
        assertThat(pages.at("/error/remedy").asText()).contains("raise the limit");
        assertThat(Pdfs.document(manifest, "bomb.pdf").at("/error/message").asText())
                .contains("inflates to more than --max-stream-size 1.0 MiB");
        assertThat(Pdfs.document(manifest, "small.pdf").get("status").asText()).isEqualTo("succeeded");
        assertThat(r.err()).contains("failed: three-pages.pdf: it has 3 pages, more than --max-pages 2 [limit-exceeded]");

        Cli.Result size = cli().run("run", in.resolve("small.pdf").toString(), "-o", tmp.resolve("out2").toString(),
                "--max-file-size", "100", "--progress", "none");
        assertThat(size.exitCode()).isEqualTo(1);
        assertThat(Pdfs.document(Pdfs.manifest(tmp.resolve("out2")), "small.pdf").at("/error/message").asText())
                .matches("the file is [0-9]+ B, more than --max-file-size 100 B");
    }

    @Test
    void badLimitsAreUsageErrors() {
        Cli.Result r = cli().run("run", "in", "-o", "out", "--retry-delay", "5s", "--retry-max-delay", "1s");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("the longest retry delay (1s) is shorter than the first one (5s)");
        Cli.Result heap = cli().run("run", "in", "-o", "out", "--worker-heap", "1m");
        assertThat(heap.exitCode()).isEqualTo(2);
        assertThat(heap.err()).contains("a worker heap needs at least 32 MiB");
    }
}
