package dev.pdfvariants.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.OutputFile;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.json.Json;

/** Results spooled to a file as they arrive and read back, in path order, for the manifest. */
class ManifestCollectorTest {
    @TempDir
    Path tmp;

    private static DocumentResult succeeded(String path, int outputs) {
        List<OutputFile> files = new ArrayList<>();
        for (int i = 1; i <= outputs; i++) {
            files.add(new OutputFile(path.replace(".pdf", "") + "/thumbnails/page-" + i + ".png", 1000L + i, "ab".repeat(32)));
        }
        return new DocumentResult(path, "/in/" + path, Status.SUCCEEDED, 4096, "cd".repeat(32), outputs, 12,
                null, List.of(VariantResult.succeeded("thumbnails", 7, files)), List.of("page 2: text not extracted: \"bad\"\nfont"));
    }

    private static DocumentResult failed(String path) {
        return new DocumentResult(path, "/in/" + path, Status.FAILED, 10, null, null, 1,
                Failure.of(FailureKind.CORRUPT, "cannot parse the PDF: ünïcode ✓"), List.of(), null);
    }

    @Test
    void resultsComeBackInPathOrderAsTheyWereTheLastOneOfAPathWinningAndTheSpoolGoes() throws IOException {
        Path spool = tmp.resolve(".manifest.json.spool");
        ManifestCollector collector = new ManifestCollector(spool);
        List<DocumentResult> expected = new ArrayList<>();
        for (int i = 300; i > 0; i--) { // arriving out of order
            DocumentResult r = i % 7 == 0 ? failed("d/" + i + ".pdf") : succeeded("d/" + i + ".pdf", i % 5);
            collector.onEvent(r.status() == Status.FAILED ? new Event.DocumentFailed(r) : new Event.DocumentSucceeded(r));
            if (i != 150) {
                expected.add(r);
            }
        }
        DocumentResult retried = succeeded("d/150.pdf", 2);
        collector.onEvent(new Event.DocumentFailed(failed("d/150.pdf")));
        collector.onEvent(new Event.DocumentSucceeded(retried)); // the same path again: its last result counts
        expected.add(retried);
        expected.sort(Comparator.comparing(DocumentResult::path));

        List<DocumentResult> all = collector.documents(null);
        assertThat(all).hasSize(300);
        assertThat(Json.pretty(all)).isEqualTo(Json.pretty(expected));
        assertThat(collector.count(Status.FAILED)).isEqualTo(42);
        assertThat(collector.count(Status.SUCCEEDED)).isEqualTo(258);
        assertThat(collector.documents(Status.FAILED)).extracting(DocumentResult::path)
                .hasSize(42).isSorted().allMatch(p -> Integer.parseInt(p.replaceAll("\\D", "")) % 7 == 0);
        assertThat(spool).exists();

        collector.close();
        assertThat(spool).doesNotExist();
        collector.close(); // idempotent
    }
}
