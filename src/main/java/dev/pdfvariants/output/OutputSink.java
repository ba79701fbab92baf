package dev.pdfvariants.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.OutputFile;
import dev.pdfvariants.json.Json;

/**
 * Where one variant of one document writes its files. Each file is staged (written completely to
 * a temporary file) as the variant produces it; {@link #commit()} renames them all into place
 * once the variant has finished, and {@link #abort()} throws them away. So a variant that fails
 * or times out half-way leaves the previous outputs untouched, and never a partial file.
 */
public final class OutputSink {
    /** Chars a text file's writer gathers before encoding them. */
    private static final int TEXT_BUFFER = 1 << 15;

    private final OutputLayout layout;
    private final Path documentDir;
    private final Cancellation cancellation;
    private final Map<String, AtomicFiles.Staged> staged = new LinkedHashMap<>();
    private boolean finished;

    public OutputSink(OutputLayout layout, Path documentDir, Cancellation cancellation) {
        this.layout = layout;
        this.documentDir = documentDir;
        this.cancellation = cancellation;
    }

    /** Writes a UTF-8 text file. */
    public void writeString(String name, CharSequence content) throws IOException {
        write(name, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.append(content);
            w.flush();
        });
    }

    /**
     * Writes a UTF-8 text file through a buffered writer, for text written piece by piece rather
     * than built in memory first (a long document's pages).
     */
    public void writeText(String name, IoConsumer<Writer> body) throws IOException {
        write(name, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), TEXT_BUFFER);
            body.accept(w);
            w.flush();
        });
    }

    /** Writes a JSON file with the project's deterministic formatting. */
    public void writeJson(String name, Object value) throws IOException {
        writeString(name, Json.pretty(value));
    }

    /**
     * Writes a file through a stream.
     *
     * @param name the file name relative to the document's directory, e.g. {@code text.txt} or
     *             {@code thumbnails/page-1.png}
     */
    public void write(String name, IoConsumer<OutputStream> body) throws IOException {
        Path target = replace(name);
        staged.put(name, AtomicFiles.stage(target, body));
    }

    /**
     * Takes a complete temporary file (in this document's directory, named as {@link AtomicFiles}
     * names its temporary files) as the output {@code name}: renamed into place on {@link #commit()},
     * deleted on {@link #abort()}, never copied.
     */
    public void adopt(String name, Path temp) throws IOException {
        OutputGuard.requireInside(documentDir, temp);
        Path target = replace(name);
        staged.put(name, AtomicFiles.adopt(temp, target));
    }

    /**
     * The checked target of output {@code name}, about to be staged: refused once the sink is
     * finished or cancelled; what was staged under that name before is thrown away.
     */
    private Path replace(String name) throws IOException {
        if (finished) {
            throw new IllegalStateException("output sink already committed or aborted");
        }
        cancellation.checkpoint();
        Path target = resolve(name);
        OutputGuard.requireInside(layout.root(), target);
        AtomicFiles.Staged previous = staged.remove(name);
        if (previous != null) {
            previous.discard();
        }
        return target;
    }

    /** The directory this sink writes into (for variants that must know it, e.g. to link files). */
    public Path documentDir() {
        return documentDir;
    }

    /** Moves every staged file into place; returns them sorted by path. Refused once cancelled. */
    public List<OutputFile> commit() throws IOException {
        if (cancellation.isCancelled()) {
            abort();
            cancellation.checkpoint();
        }
        finished = true;
        List<OutputFile> files = new ArrayList<>();
        for (AtomicFiles.Staged s : staged.values()) {
            s.commit();
            files.add(new OutputFile(layout.relativize(s.target()), s.written().bytes(), s.written().sha256()));
        }
        staged.clear();
        files.sort(Comparator.comparing(OutputFile::path));
        return files;
    }

    /** Discards every staged file; the previous outputs, if any, stay as they were. Idempotent. */
    public void abort() {
        finished = true;
        staged.values().forEach(AtomicFiles.Staged::discard);
        staged.clear();
    }

    private Path resolve(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            throw new IllegalArgumentException("output name must be a relative path: " + name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("output name must stay inside the document directory: " + name);
            }
        }
        Path target = documentDir.resolve(name).normalize();
        if (!target.startsWith(documentDir)) {
            throw new IllegalArgumentException("output name must stay inside the document directory: " + name);
        }
        return target;
    }
}
