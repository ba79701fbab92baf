package dev.pdfvariants.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputGuard;
import dev.pdfvariants.output.OutputLayout;

/**
 * The per-document state files under {@code OUT/_run/state/}, one per document, laid out like the
 * documents' output directories ({@code reports/q1.pdf} → {@code _run/state/reports/q1.json}).
 * Each is replaced atomically, and only when its content changes, so an unchanged re-run writes
 * nothing and a crash never leaves half of one, nor, once the document is recorded again, the
 * temporary file it was being written through.
 */
public final class StateStore {
    public static final String DIRECTORY = "state";
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final OutputLayout layout;

    public StateStore(OutputLayout layout) {
        this.layout = layout;
    }

    Path file(String relativePath) {
        return layout.runDir().resolve(DIRECTORY).resolve(OutputLayout.documentKey(relativePath) + ".json");
    }

    /** The document's state, or null when there is none (or it cannot be read: then it is redone). */
    public DocumentState read(String relativePath) {
        Path file = file(relativePath);
        try {
            DocumentState state = Json.mapper().readValue(Files.readAllBytes(file), DocumentState.class);
            return state.format() == DocumentState.FORMAT && relativePath.equals(state.path()) ? state : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable state file {}", file, e);
            return null;
        }
    }

    /** Replaces the document's state atomically when it changed; returns whether it wrote. */
    public boolean write(DocumentState state) throws IOException {
        Path file = file(state.path());
        byte[] content = Json.pretty(state).getBytes(StandardCharsets.UTF_8);
        try {
            if (Arrays.equals(Files.readAllBytes(file), content)) {
                // what a run killed while replacing it left behind, if anything, is not needed
                Files.deleteIfExists(AtomicFiles.soleTemporary(file));
                return false;
            }
        } catch (NoSuchFileException e) {
            // first time
        }
        OutputGuard.requireInside(layout.root(), file);
        // one writer per document (the run, or the shard, that processes it): a temporary file of
        // a fixed name, which a run killed while writing it leaves for the next write to replace
        AtomicFiles.writeAlone(file, content);
        return true;
    }
}
