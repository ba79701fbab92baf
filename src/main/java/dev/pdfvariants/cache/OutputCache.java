package dev.pdfvariants.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.OutputFile;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.variant.Variant;

/**
 * The output cache, as documents are processed: which requested variants of a document are
 * already up to date. A variant is up to date when its state records the same cache key
 * ({@link CacheKeys}) and every output it recorded is still there, complete and unchanged (same
 * size, and same modification time or else same SHA-256); or when it failed for a reason the same
 * input will always give (the PDF is corrupt). Anything else is redone. {@code --force} looks up
 * nothing, but the states are still written.
 * <p>
 * Read-only: the run's {@link StateRecorder} writes the states, workers only read them.
 */
public final class OutputCache {
    /** The manifest's reason for a variant whose outputs were already up to date. */
    public static final String CACHED = "cached";

    private final StateStore store;
    private final CacheKeys keys;
    private final OutputLayout layout;
    private final boolean force;

    public OutputCache(StateStore store, CacheKeys keys, OutputLayout layout, boolean force) {
        this.store = store;
        this.keys = keys;
        this.layout = layout;
        this.force = force;
    }

    /** No cache at all (no keys either): for tools and tests that process one document directly. */
    public static OutputCache disabled() {
        return new OutputCache(null, null, null, true);
    }

    /** The subscriber that writes each finished document's state: the run's, never a worker's. */
    public StateRecorder recorder() {
        return new StateRecorder(store, keys, layout);
    }

    /** What is known about this input (with this SHA-256) from earlier runs. */
    public Lookup lookup(SourceFile source, String sha256) {
        DocumentState recorded = store == null ? null : store.read(source.relativePath());
        DocumentState state = null;
        if (!force && recorded != null && sha256 != null && sha256.equals(recorded.sha256())) {
            state = recorded;
        }
        return new Lookup(state, recorded, sha256);
    }

    /** One document's cached outcomes. */
    public final class Lookup {
        private final DocumentState state;
        /** The state the last run recorded, whatever the input was then and even with --force. */
        private final DocumentState recorded;
        private final String sha256;

        private Lookup(DocumentState state, DocumentState recorded, String sha256) {
            this.state = state;
            this.recorded = recorded;
            this.sha256 = sha256;
        }

        /**
         * The outputs the variant's last recorded run wrote that this run did not write again, and
         * that are still as they were written (nobody has changed them since): left behind they
         * would pass for outputs of this run — the thumbnail of a page no longer asked for, a page
         * of the longer old version of the input. A file changed since is never listed.
         */
        public List<Path> superseded(String variant, List<OutputFile> written) {
            DocumentState.VariantEntry entry = recorded == null ? null : recorded.variants().get(variant);
            if (entry == null) {
                return List.of();
            }
            Set<String> again = new HashSet<>();
            written.forEach(o -> again.add(o.path()));
            List<Path> stale = new ArrayList<>();
            for (DocumentState.StoredOutput o : entry.outputs()) {
                if (!again.contains(o.path()) && intact(o)) {
                    stale.add(layout.root().resolve(o.path()).normalize());
                }
            }
            return stale;
        }

        /** The variant's cache key for this input, or null without a cache. */
        public String key(Variant variant) {
            return keys == null || sha256 == null ? null : keys.variant(sha256, variant);
        }

        /** The variant's cached result (skipped as {@value #CACHED}, with its outputs; or its lasting failure), or null. */
        public VariantResult variant(Variant variant) {
            if (state == null) {
                return null;
            }
            DocumentState.VariantEntry entry = state.variants().get(variant.name());
            String key = key(variant);
            if (entry == null || !entry.key().equals(key)) {
                return null;
            }
            if (entry.status() == Status.FAILED) {
                return entry.error() == null ? null
                        : new VariantResult(variant.name(), Status.FAILED, 0, List.of(), entry.error(), null, key);
            }
            List<OutputFile> outputs = new ArrayList<>();
            for (DocumentState.StoredOutput o : entry.outputs()) {
                if (!intact(o)) {
                    return null;
                }
                outputs.add(new OutputFile(o.path(), o.bytes(), o.sha256()));
            }
            return new VariantResult(variant.name(), Status.SKIPPED, 0, outputs, null, CACHED, key);
        }

        /**
         * The whole document's result when nothing needs doing: it failed for good before, or
         * every requested variant is up to date. Null when some work is left.
         */
        public DocumentResult complete(SourceFile source, long bytes, List<Variant> variants, long durationMs) {
            if (state == null) {
                return null;
            }
            if (state.error() != null && keys.document(sha256).equals(state.documentKey())) {
                return new DocumentResult(source.relativePath(), source.path().toString(), Status.FAILED, bytes, sha256,
                        state.pages(), durationMs, state.error(), List.of(), state.warnings());
            }
            List<VariantResult> results = new ArrayList<>();
            for (Variant v : variants) {
                VariantResult cached = variant(v);
                if (cached == null) {
                    return null;
                }
                results.add(cached);
            }
            boolean failed = results.stream().anyMatch(r -> r.status() == Status.FAILED);
            return new DocumentResult(source.relativePath(), source.path().toString(),
                    failed ? Status.FAILED : Status.SKIPPED, bytes, sha256, state.pages(), durationMs, null, results,
                    state.warnings());
        }

        /** This run's warnings after those recorded with the cached variants. */
        public List<String> warnings(List<String> fresh) {
            if (state == null || state.warnings() == null) {
                return fresh;
            }
            Set<String> all = new LinkedHashSet<>(state.warnings());
            all.addAll(fresh);
            return new ArrayList<>(all);
        }
    }

    private boolean intact(DocumentState.StoredOutput output) {
        Path file = layout.root().resolve(output.path()).normalize();
        if (!file.startsWith(layout.root())) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() != output.bytes()) {
                return false;
            }
            return a.lastModifiedTime().toMillis() == output.modifiedMillis()
                    || AtomicFiles.sha256(file).equals(output.sha256());
        } catch (IOException e) {
            return false;
        }
    }
}
