package dev.pdfvariants.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.TestVariants;

/** Retries of transient failures and per-document time-outs, through the command line, with misbehaving test variants. */
class RetriesAndTimeoutsTest {
    @TempDir
    Path tmp;

    private static Cli cli() {
        return Cli.cli().registry(TestVariants.registry());
    }

    private Path in(String... names) throws IOException {
        return Pdfs.documents(tmp.resolve("in"), names);
    }

    @Test
    void aVariantThatFailsOnceWithAnIoErrorIsRetriedAndSucceeds() throws IOException {
        Path in = in("a.pdf", "b.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-v", "flaky-io", "--retry-delay", "10ms",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String doc : new String[] {"a", "b"}) {
            assertThat(TestVariants.attempts(in.resolve(doc + ".pdf"), "flaky-io")).as(doc).isEqualTo(2);
            assertThat(out.resolve(doc + "/flaky-io.txt")).hasContent("ok after a retry");
            assertThat(Pdfs.document(Pdfs.manifest(out), doc + ".pdf").get("status").asText()).isEqualTo("succeeded");
        }
    }

    @Test
    void aCorruptPdfIsNotRetriedNorAVariantThatFailsOnCorruptContent() throws IOException {
        Path in = in("good.pdf");
        Files.copy(Corpus.samples().resolve("broken/truncated-download.pdf"), in.resolve("truncated.pdf"));
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-v", "flaky-io,always-corrupt",
                "--retries", "3", "--retry-delay", "10ms", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode manifest = Pdfs.manifest(out);
        // the transient failure was retried, the corrupt content was not
        assertThat(TestVariants.attempts(in.resolve("good.pdf"), "flaky-io")).isEqualTo(2);
        assertThat(TestVariants.attempts(in.resolve("good.pdf"), "always-corrupt")).isEqualTo(1);
        JsonNode good = Pdfs.document(manifest, "good.pdf");
        assertThat(good.at("/variants/1/error/kind").asText()).isEqualTo("corrupt");
        // a PDF that does not parse fails once, before any variant
        JsonNode truncated = Pdfs.document(manifest, "truncated.pdf");
        assertThat(truncated.at("/error/kind").asText()).isEqualTo("corrupt");
        assertThat(TestVariants.attempts(in.resolve("truncated.pdf"), "flaky-io")).isZero();
        assertThat(TestVariants.attempts(in.resolve("truncated.pdf"), "always-corrupt")).isZero();
    }

    @Test
    void withoutRetriesATransientFailureIsRecordedAsRetryable() throws IOException {
        Path in = in("a.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-v", "flaky-io", "--retries", "0",
                "--progress", "none");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(TestVariants.attempts(in.resolve("a.pdf"), "flaky-io")).isEqualTo(1);
        assertThat(Pdfs.document(Pdfs.manifest(out), "a.pdf").at("/variants/0/error/kind").asText()).isEqualTo("io-error");
        assertThat(r.err()).contains("failed: a.pdf (flaky-io): reading the input failed");
    }

    @Test
    void aDocumentThatHangsIsTimedOutAndTheBatchFinishes() throws IOException {
        Path in = in("a-hang.pdf", "b.pdf", "c.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-v", "hostile", "-j", "1",
                "--timeout", "1s", "--no-isolation-fallback", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode manifest = Pdfs.manifest(out);
        JsonNode hung = Pdfs.document(manifest, "a-hang.pdf");
        assertThat(hung.at("/error/kind").asText()).isEqualTo("timeout");
        assertThat(hung.at("/error/message").asText()).isEqualTo("did not finish within the 1 s timeout");
        // the one worker was freed for the others
        assertThat(Pdfs.document(manifest, "b.pdf").get("status").asText()).isEqualTo("succeeded");
        assertThat(Pdfs.document(manifest, "c.pdf").get("status").asText()).isEqualTo("succeeded");
        assertThat(out.resolve("a-hang/hostile.txt")).doesNotExist();
    }

    @Test
    void aDocumentThatTimedOutInAWorkerThreadGetsOneMoreTryInAWorkerProcess() throws IOException {
        Path in = in("a-stuck.pdf", "b-hang.pdf", "c.pdf");
        Path out = tmp.resolve("out");
        Cli.Result r = cli().run("run", in.toString(), "-o", out.toString(), "-v", "hostile", "-j", "2",
                "--timeout", "2s", "--worker-heap", "128m", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode manifest = Pdfs.manifest(out);
        String me = String.valueOf(ProcessHandle.current().pid());
        // stuck only in a thread: the isolated try succeeded, in another process
        JsonNode stuck = Pdfs.document(manifest, "a-stuck.pdf");
        assertThat(stuck.get("status").asText()).as(stuck.toString()).isEqualTo("succeeded");
        assertThat(stuck.get("warnings").toString()).contains("processed again in an isolated worker process");
        assertThat(Files.readString(out.resolve("a-stuck/hostile.txt")).strip()).isNotEqualTo(me);
        assertThat(TestVariants.attempts(in.resolve("a-stuck.pdf"), "hostile")).isEqualTo(2);
        // hangs everywhere: a time-out, after both tries
        JsonNode hung = Pdfs.document(manifest, "b-hang.pdf");
        assertThat(hung.at("/error/kind").asText()).isEqualTo("timeout");
        assertThat(hung.at("/error/message").asText())
                .isEqualTo("did not finish within the 2 s timeout, in a worker thread nor in an isolated worker process");
        assertThat(TestVariants.attempts(in.resolve("b-hang.pdf"), "hostile")).isEqualTo(2);
        // the well-behaved document stayed in this JVM
        assertThat(Files.readString(out.resolve("c/hostile.txt")).strip()).isEqualTo(me);
    }
}
