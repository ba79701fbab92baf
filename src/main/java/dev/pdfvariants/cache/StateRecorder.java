package dev.pdfvariants.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.Version;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.OutputFile;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;
import dev.pdfvariants.output.OutputLayout;

/**
 * Writes a document's state ({@link DocumentState}) the moment its result reaches the run, so that
 * what finished is known even if the run is killed the next instant: an event subscriber of the
 * run, like the manifest collector (worker processes never write it). Outputs are committed
 * before the result exists, so a state never lists an output that is not complete on disk.
 * Thread-safe (each document has its own state file), so it subscribes concurrently: a worker
 * writes its document's state without waiting for another's.
 * <p>
 * Recorded: every variant that succeeded (its outputs, with their modification times), and
 * failures the same input always gives again (corrupt, not a PDF, over a limit …). Not recorded,
 * so redone by the next run: time-outs, memory, crashes, I/O and output errors, passwords.
 */
public final class StateRecorder implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(StateRecorder.class);

    /** Failures of a whole document that the same input, tool and limits always give again. */
    private static final Set<FailureKind> LASTING_DOCUMENT_FAILURES = EnumSet.of(FailureKind.EMPTY_FILE,
            FailureKind.NOT_A_PDF, FailureKind.CORRUPT, FailureKind.PROCESSING_ERROR, FailureKind.LIMIT_EXCEEDED,
            FailureKind.PASSWORD_REQUIRED);
    /** Failures of one variant that the same input and options always give again. */
    private static final Set<FailureKind> LASTING_VARIANT_FAILURES = EnumSet.of(FailureKind.CORRUPT,
            FailureKind.PROCESSING_ERROR, FailureKind.LIMIT_EXCEEDED);

    private final StateStore store;
    private final CacheKeys keys;
    private final OutputLayout layout;

    public StateRecorder(StateStore store, CacheKeys keys, OutputLayout layout) {
        this.store = store;
        this.keys = keys;
        this.layout = layout;
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.DocumentSucceeded e) {
            record(e.result());
        } else if (event instanceof Event.DocumentFailed e) {
            record(e.result());
        } else if (event instanceof Event.DocumentSkipped e) {
            record(e.result());
        }
    }

    void record(DocumentResult result) {
        if (result.sha256() == null) {
            return;
        }
        DocumentState previous = store.read(result.path());
        Map<String, DocumentState.VariantEntry> entries = new TreeMap<>();
        if (previous != null && result.sha256().equals(previous.sha256())) {
            entries.putAll(previous.variants());
        }
        for (VariantResult v : result.variants()) {
            if (v.cacheKey() == null) {
                entries.remove(v.name());
            } else if (v.status() == Status.SKIPPED && OutputCache.CACHED.equals(v.reason())) {
                continue; // its entry is the one it was served from
            } else if (v.status() == Status.FAILED) {
                if (lasting(v.error(), LASTING_VARIANT_FAILURES)) {
                    entries.put(v.name(), new DocumentState.VariantEntry(v.cacheKey(), Status.FAILED, List.of(),
                            v.error(), null));
                } else {
                    entries.remove(v.name());
                }
            } else {
                DocumentState.VariantEntry entry = stored(v);
                if (entry != null) {
                    entries.put(v.name(), entry);
                } else {
                    entries.remove(v.name());
                }
            }
        }
        boolean lastingFailure = result.error() != null && lasting(result.error(), LASTING_DOCUMENT_FAILURES);
        DocumentState state = new DocumentState(DocumentState.FORMAT, Version.version(), result.path(), result.sha256(),
                result.bytes(), result.pages(), result.warnings(),
                lastingFailure ? keys.document(result.sha256()) : null, lastingFailure ? result.error() : null, entries);
        try {
            store.write(state);
        } catch (IOException e) {
            LOG.warn("cannot record the state of {} ({}); the next run will process it again", result.path(),
                    e.getMessage());
        }
    }

    /** The variant's entry with each output's modification time, or null when an output is not there as recorded. */
    private DocumentState.VariantEntry stored(VariantResult v) {
        List<DocumentState.StoredOutput> outputs = new ArrayList<>();
        for (OutputFile o : v.outputs()) {
            Path file = layout.root().resolve(o.path());
            try {
                if (Files.size(file) != o.bytes()) {
                    return null;
                }
                long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
                outputs.add(new DocumentState.StoredOutput(o.path(), o.bytes(), o.sha256(), modified));
            } catch (IOException e) {
                return null;
            }
        }
        return new DocumentState.VariantEntry(v.cacheKey(), v.status(), outputs, null, v.reason());
    }

    private static boolean lasting(Failure failure, Set<FailureKind> kinds) {
        if (failure == null) {
            return false;
        }
        for (FailureKind kind : kinds) {
            if (kind.id().equals(failure.kind())) {
                return true;
            }
        }
        return false;
    }
}
