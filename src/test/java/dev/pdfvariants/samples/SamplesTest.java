package dev.pdfvariants.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.SampleGenerator;

class SamplesTest {
    @TempDir
    Path tmp;

    @Test
    void committedSamplesAreExactlyWhatTheGeneratorWrites() throws IOException {
        SampleGenerator.writeAll(tmp);
        Map<String, byte[]> generated = Pdfs.tree(tmp);
        Map<String, byte[]> committed = Pdfs.tree(Corpus.samples());
        committed.remove("README.md");
        assertThat(committed.keySet()).isEqualTo(generated.keySet());
        generated.forEach((path, bytes) -> assertThat(committed.get(path)).as(path).isEqualTo(bytes));
    }
}
