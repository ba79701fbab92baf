package dev.pdfvariants.schedule;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.TestVariants;

/** Largest first within a bounded look-ahead: big documents start early, discovery stays lazy. */
class LargestFirstTest {
    @TempDir
    Path tmp;

    /** Files of the given sizes, named in discovery order. */
    private List<SourceFile> files(String... nameAndSize) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (String spec : nameAndSize) {
            String name = spec.substring(0, spec.indexOf(':'));
            int size = Integer.parseInt(spec.substring(spec.indexOf(':') + 1));
            Path file = tmp.resolve(name);
            Files.write(file, new byte[size]);
            files.add(new SourceFile(file, name));
        }
        return files;
    }

    /** Counts how many documents were taken from discovery. */
    private static final class Counting implements Iterator<SourceFile> {
        final Iterator<SourceFile> inner;
        int taken;

        Counting(List<SourceFile> files) {
            this.inner = files.iterator();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public SourceFile next() {
            taken++;
            return inner.next();
        }
    }

    private static List<String> drain(Iterator<SourceFile> it) {
        List<String> order = new ArrayList<>();
        it.forEachRemaining(s -> order.add(s.relativePath()));
        return order;
    }

    @Test
    void withBusyWorkersTheLargestOfTheWindowGoesFirstAndDiscoveryReadsAtMostTheWindowAhead() throws IOException {
        Counting discovered = new Counting(files("a.pdf:10", "b.pdf:50", "c.pdf:30", "d.pdf:90", "e.pdf:20", "f.pdf:40"));
        LargestFirst queue = new LargestFirst(discovered, 3, () -> false);
        List<String> order = new ArrayList<>();
        int handed = 0;
        while (queue.hasNext()) {
            order.add(queue.next().relativePath());
            handed++;
            assertThat(discovered.taken - handed).as("read ahead").isLessThanOrEqualTo(3);
        }
        // window {a,b,c} -> b; {a,c,d} -> d; {a,c,e} -> c; {a,e,f} -> f; then e, a
        assertThat(order).containsExactly("b.pdf", "d.pdf", "c.pdf", "f.pdf", "e.pdf", "a.pdf");
    }

    @Test
    void anIdleWorkerGetsTheNextDocumentWithoutReadingAhead() throws IOException {
        Counting discovered = new Counting(files("a.pdf:10", "b.pdf:50", "c.pdf:30"));
        LargestFirst queue = new LargestFirst(discovered, 256, () -> true);
        assertThat(queue.next().relativePath()).isEqualTo("a.pdf");
        assertThat(discovered.taken).isEqualTo(1);
        assertThat(drain(queue)).containsExactly("b.pdf", "c.pdf");
    }

    @Test
    void documentsSharingAnOutputDirectoryKeepTheirDiscoveryOrder() throws IOException {
        // "report.pdf" and "report.PDF" both write to report/: the first discovered must keep it
        Counting discovered = new Counting(files("report.pdf:10", "big.pdf:80", "report.PDF:99", "mid.pdf:40"));
        assertThat(drain(new LargestFirst(discovered, 256, () -> false)))
                .containsExactly("big.pdf", "mid.pdf", "report.pdf", "report.PDF");
    }

    @Test
    void aRunStartsTheLargestDocumentsFirstAndStillReportsEveryDocument() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append("A sentence that makes this document a little longer than the one before it. ".repeat(40 * i));
            Pdfs.simple(in.resolve("doc-" + i + ".pdf"), "Document " + i + ". " + text);
        }
        Path events = tmp.resolve("events.ndjson");
        // "slow" takes 300 ms a document: the worker is surely busy when the next one is chosen
        Cli.Result r = cli().registry(TestVariants.registry()).run("run", in.toString(), "-o",
                tmp.resolve("out").toString(), "-v", "slow", "-j", "1", "--events", events.toString(), "--progress", "none");
        assertThat(r.exitCode()).as(r.toString()).isZero();

        List<String> started = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            JsonNode e = Json.mapper().readTree(line);
            if (e.path("type").asText().equals("document.started")) {
                started.add(e.path("path").asText());
            }
        }
        // the first one starts at once (a worker was idle); the others follow largest first
        assertThat(started).containsExactly("doc-0.pdf", "doc-5.pdf", "doc-4.pdf", "doc-3.pdf", "doc-2.pdf", "doc-1.pdf");
        assertThat(Pdfs.manifest(tmp.resolve("out")).get("documents")).hasSize(6);
    }

    @Test
    void theWindowIsBounded() {
        AtomicInteger pulled = new AtomicInteger();
        Iterator<SourceFile> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SourceFile next() {
                int n = pulled.incrementAndGet();
                return new SourceFile(Path.of("missing-" + n + ".pdf"), "missing-" + n + ".pdf");
            }
        };
        LargestFirst queue = new LargestFirst(endless, LargestFirst.WINDOW, () -> false);
        for (int i = 0; i < 1000; i++) {
            queue.next();
        }
        assertThat(pulled.get()).isEqualTo(1000 + LargestFirst.WINDOW - 1);
    }
}
