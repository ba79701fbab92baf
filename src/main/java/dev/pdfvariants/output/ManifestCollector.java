package dev.pdfvariants.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventListener;
import dev.pdfvariants.json.Json;

/**
 * The one collector of document results: subscribes to the event bus (workers never touch the
 * manifest) and writes {@code manifest.json} atomically.
 * <p>
 * A batch may hold a million documents, and a result with its variants' outputs takes about
 * 3.6 KB of heap: so each result is appended, as one line of JSON, to a spool file as it arrives,
 * and only its path, place in the spool and status stay in memory (some 150 bytes). The manifest
 * reads them back in path order; a path reported twice keeps its last result.
 */
public final class ManifestCollector implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestCollector.class);
    private static final int STATUS_BITS = 2;

    private final Path spool;
    private final OutputStream out;
    private final FileChannel in;
    private long written;
    /** Path to (offset in the spool << STATUS_BITS | status ordinal). */
    private final Map<String, Long> entries = new HashMap<>();
    private IOException failure;

    /** @param spool where results wait for the manifest (created or emptied; deleted by {@link #close}) */
    public ManifestCollector(Path spool) throws IOException {
        this.spool = spool;
        this.out = new BufferedOutputStream(Files.newOutputStream(spool, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 64 * 1024);
        this.in = FileChannel.open(spool, StandardOpenOption.READ);
    }

    @Override
    public synchronized void onEvent(Event event) {
        DocumentResult result = null;
        if (event instanceof Event.DocumentSucceeded e) {
            result = e.result();
        } else if (event instanceof Event.DocumentFailed e) {
            result = e.result();
        } else if (event instanceof Event.DocumentSkipped e) {
            result = e.result();
        }
        if (result == null || failure != null) {
            return;
        }
        byte[] line = (Json.compact(result) + "\n").getBytes(StandardCharsets.UTF_8); // compact JSON has no raw line end
        try {
            out.write(line);
        } catch (IOException e) {
            failure = e; // reported when the manifest is written
            return;
        }
        entries.put(result.path(), written << STATUS_BITS | result.status().ordinal());
        written += line.length;
    }

    /** Whether an entry (offset and status) is of a document that ended with {@code status}. */
    private static boolean is(long entry, Status status) {
        return (entry & (1 << STATUS_BITS) - 1) == status.ordinal();
    }

    /** How many documents ended with {@code status} so far. */
    public synchronized int count(Status status) {
        int n = 0;
        for (long entry : entries.values()) {
            n += is(entry, status) ? 1 : 0;
        }
        return n;
    }

    /**
     * The results so far, sorted by relative path: a list that reads each from the spool when it is
     * asked for, so that going through them holds one at a time.
     *
     * @param status only the documents that ended so, or null for all
     */
    public synchronized List<DocumentResult> documents(Status status) throws IOException {
        if (failure != null) {
            throw failure;
        }
        out.flush();
        String[] paths = entries.entrySet().stream()
                .filter(e -> status == null || is(e.getValue(), status))
                .map(Map.Entry::getKey).toArray(String[]::new);
        Arrays.sort(paths);
        long[] offsets = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            offsets[i] = entries.get(paths[i]) >>> STATUS_BITS;
        }
        return new Spooled(offsets);
    }

    /** Closes and deletes the spool (when the bus closes, after the manifest is written); idempotent. */
    @Override
    public synchronized void close() {
        try (in; out) {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            LOG.debug("cannot remove the results' spool {}", spool, e);
        }
    }

    private final class Spooled extends AbstractList<DocumentResult> implements RandomAccess {
        private final long[] offsets;

        Spooled(long[] offsets) {
            this.offsets = offsets;
        }

        @Override
        public DocumentResult get(int index) {
            try {
                return Json.mapper().readValue(line(offsets[index]), DocumentResult.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a result back from " + spool, e);
            }
        }

        @Override
        public int size() {
            return offsets.length;
        }
    }

    /** The spool's line at {@code offset}, without its line end. */
    private byte[] line(long offset) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long position = offset;
        while (true) {
            buffer.clear();
            int n = in.read(buffer, position);
            if (n <= 0) {
                return line.toByteArray();
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, 0, i);
                    return line.toByteArray();
                }
            }
            line.write(bytes, 0, n);
            position += n;
        }
    }

    /**
     * Writes the manifest atomically to {@code file}, streamed: never the whole JSON in memory
     * (3.5 KB per document with the default variants; a string holds at most 2 GB).
     */
    public static void write(Path file, Manifest manifest) throws IOException {
        AtomicFiles.write(file, out -> Json.pretty(manifest, out));
    }
}
