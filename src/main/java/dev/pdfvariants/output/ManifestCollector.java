package dev.pdfvariants.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;
import dev.pdfvariants.json.Json;

/**
 * The one collector of document results: subscribes to the event bus (workers never touch the
 * manifest) and writes {@code manifest.json} atomically.
 */
public final class ManifestCollector implements EventListener {
    private final Map<String, DocumentResult> documents = new TreeMap<>();

    @Override
    public synchronized void onEvent(Event event) {
        if (event instanceof Event.DocumentSucceeded e) {
            documents.put(e.result().path(), e.result());
        } else if (event instanceof Event.DocumentFailed e) {
            documents.put(e.result().path(), e.result());
        } else if (event instanceof Event.DocumentSkipped e) {
            documents.put(e.result().path(), e.result());
        }
    }

    /** The results so far, sorted by relative path. */
    public synchronized List<DocumentResult> documents() {
        return new ArrayList<>(documents.values());
    }

    /**
     * Writes the manifest atomically to {@code file}, streamed: never the whole JSON in memory
     * (3.5 KB per document with the default variants; a string holds at most 2 GB).
     */
    public static void write(Path file, Manifest manifest) throws IOException {
        AtomicFiles.write(file, out -> Json.pretty(manifest, out));
    }
}
