package dev.pdfvariants.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputLayout;

/**
 * State files survive a run killed while writing one: the half-written temporary file it leaves
 * is replaced by the next write of that document's state, or removed when the state turns out
 * unchanged, and never read as a state.
 */
class StateStoreTest {

    private static DocumentState state(String path, int pages) {
        return new DocumentState(DocumentState.FORMAT, "test", path, "ab".repeat(32), 1234, pages, List.of(), null, null,
                Map.of());
    }

    @Test
    void aStateWrittenAgainReplacesTheTemporaryFileAKilledRunLeft(@TempDir Path out) throws IOException {
        StateStore store = new StateStore(new OutputLayout(out));
        Path file = store.file("reports/q1.pdf");
        Files.createDirectories(file.getParent());
        Path leftover = AtomicFiles.soleTemporary(file);
        Files.writeString(leftover, "{\"format\": 1, \"pa", StandardCharsets.UTF_8); // killed mid-write
        assertThat(store.read("reports/q1.pdf")).isNull();

        assertThat(store.write(state("reports/q1.pdf", 3))).isTrue();

        assertThat(store.read("reports/q1.pdf").pages()).isEqualTo(3);
        assertThat(temporaryFiles(out)).isEmpty();
    }

    @Test
    void anUnchangedStateIsNotWrittenAndItsLeftoverIsRemoved(@TempDir Path out) throws IOException {
        StateStore store = new StateStore(new OutputLayout(out));
        assertThat(store.write(state("a.pdf", 2))).isTrue();
        Path file = store.file("a.pdf");
        long modified = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(AtomicFiles.soleTemporary(file), "{\"form", StandardCharsets.UTF_8);

        assertThat(store.write(state("a.pdf", 2))).isFalse();

        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThat(temporaryFiles(out)).isEmpty();
        assertThat(store.read("a.pdf").pages()).isEqualTo(2);
    }

    private static List<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
        }
    }
}
