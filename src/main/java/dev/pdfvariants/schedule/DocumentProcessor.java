package dev.pdfvariants.schedule;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.pdfvariants.cache.OutputCache;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.OutputFile;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputGuard;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.telemetry.Instrumentation;
import dev.pdfvariants.resilience.Safeguards;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantSkipped;

/**
 * The work of one document: open it once, run every requested variant on the shared context,
 * close it on every path, and return an immutable result. Never throws for a bad document: every
 * failure becomes part of the result.
 */
public final class DocumentProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentProcessor.class);

    private final List<Variant> variants;
    private final VariantSettings settings;
    private final PdfLoader loader;
    private final OutputLayout layout;
    private final EventBus bus;
    private final Safeguards safeguards;
    private final Instrumentation instrumentation;
    /** Whether any variant reads the text model: the extraction then records the lines' layout too. */
    private final boolean recordLayout;
    /** The subdirectories of a document's directory that the variants write into ({@code thumbnails}, {@code pages} …). */
    private final List<String> variantDirectories;
    /** Temporary files in those older than this are an interrupted run's (see {@link #sweep}). */
    private final FileTime started = FileTime.from(Instant.now());

    public DocumentProcessor(List<Variant> variants, VariantSettings settings, PdfLoader loader, OutputLayout layout,
            EventBus bus) {
        this(variants, settings, loader, layout, bus, Safeguards.none(bus), Instrumentation.NONE);
    }

    /** @param safeguards retries, limits and the output cache (see {@link Safeguards} for their order) */
    public DocumentProcessor(List<Variant> variants, VariantSettings settings, PdfLoader loader, OutputLayout layout,
            EventBus bus, Safeguards safeguards) {
        this(variants, settings, loader, layout, bus, safeguards, Instrumentation.NONE);
    }

    /** With spans: {@code document}, and {@code pdf.load} / {@code variant <name>} under it. */
    public DocumentProcessor(List<Variant> variants, VariantSettings settings, PdfLoader loader, OutputLayout layout,
            EventBus bus, Instrumentation instrumentation) {
        this(variants, settings, loader, layout, bus, Safeguards.none(bus), instrumentation);
    }

    /**
     * @param safeguards      retries, limits and the output cache (see {@link Safeguards} for their order)
     * @param instrumentation spans: {@code document}, and {@code pdf.load} / {@code variant <name>} under it;
     *                        retries happen inside the spans, so they appear as span events
     */
    public DocumentProcessor(List<Variant> variants, VariantSettings settings, PdfLoader loader, OutputLayout layout,
            EventBus bus, Safeguards safeguards, Instrumentation instrumentation) {
        this.variants = List.copyOf(variants);
        this.settings = settings;
        this.loader = loader;
        this.layout = layout;
        this.bus = bus;
        this.safeguards = safeguards;
        this.instrumentation = instrumentation;
        this.recordLayout = this.variants.stream().anyMatch(Variant::usesTextModel);
        this.variantDirectories = this.variants.stream().flatMap(v -> v.outputs().stream())
                .filter(o -> o.indexOf('/') > 0).map(o -> o.substring(0, o.lastIndexOf('/'))).distinct().toList();
    }

    /** A scheduler job for one document. */
    public Scheduler.Job job(SourceFile source) {
        return new Scheduler.Job() {
            @Override
            public DocumentResult run(Cancellation cancellation) {
                return process(source, cancellation);
            }

            @Override
            public DocumentResult timedOut(Duration limit) {
                return failed(source, -1, null, null, limit.toMillis(), Failure.of(FailureKind.TIMEOUT,
                        "did not finish within the " + limit.toSeconds() + " s timeout"), List.of());
            }

            @Override
            public DocumentResult crashed(Throwable error) {
                LOG.error("internal error processing {}", source.relativePath(), error);
                return failed(source, -1, null, null, 0, Failure.of(FailureKind.INTERNAL, PdfLoader.oneLine(error)), List.of());
            }
        };
    }

    public DocumentResult process(SourceFile source, Cancellation cancellation) {
        MDC.put("document", source.relativePath());
        long start = System.nanoTime();
        try {
            bus.publish(new Event.DocumentStarted(source.relativePath()));
            return instrumentation.document(source.relativePath(), () -> safeguards.retry().document(
                    source.relativePath(), () -> processOpened(source, cancellation, start)));
        } finally {
            MDC.remove("document");
        }
    }

    private DocumentResult processOpened(SourceFile source, Cancellation cancellation, long start) {
        long bytes = -1;
        String sha256 = null;
        try {
            bytes = Files.size(source.path());
            safeguards.limits().checkFile(bytes);
            sha256 = AtomicFiles.sha256(source.path());
        } catch (DocumentFailure e) {
            return failed(source, bytes, sha256, null, millisSince(start), Failure.of(e), List.of());
        } catch (NoSuchFileException e) {
            return failed(source, bytes, sha256, null, millisSince(start), Failure.of(FailureKind.NOT_FOUND, "file not found"), List.of());
        } catch (AccessDeniedException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.IO_ERROR, "permission denied reading the file"), List.of());
        } catch (IOException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.IO_ERROR, "cannot read the file: " + PdfLoader.oneLine(e)), List.of());
        }

        Path documentDir = layout.documentDir(source.relativePath());
        try {
            OutputGuard.requireDirectoryInside(layout.root(), documentDir);
            sweep(documentDir);
        } catch (IOException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.OUTPUT_ERROR, "output directory: " + PdfLoader.oneLine(e)), List.of());
        }
        OutputCache.Lookup cache = safeguards.cache().lookup(source, sha256);
        DocumentResult upToDate = cache.complete(source, bytes, variants, millisSince(start));
        if (upToDate != null) {
            upToDate.variants().forEach(v -> bus.publish(new Event.VariantGenerated(source.relativePath(), v)));
            return upToDate;
        }
        PDDocument pdf;
        try {
            long size = bytes;
            pdf = Instrumentation.step("pdf.load", () -> loader.load(source.path(), size));
        } catch (DocumentFailure e) {
            LOG.debug("cannot open {}", source.relativePath(), e);
            return failed(source, bytes, sha256, null, millisSince(start), Failure.of(e), List.of());
        }
        try (pdf) {
            Integer pages = Pages.count(pdf);
            try {
                safeguards.limits().checkDocument(pdf, pages, cancellation);
            } catch (DocumentFailure e) {
                return failed(source, bytes, sha256, pages, millisSince(start), Failure.of(e), List.of());
            }
            DocumentContext context = new DocumentContext(source, pdf, bytes, sha256, settings, cancellation, loader,
                    safeguards.languageModel())
                    .recordLayout(recordLayout);
            List<VariantResult> results = new ArrayList<>(variants.size());
            for (Variant variant : variants) {
                VariantResult cached = cache.variant(variant);
                VariantResult result = cached != null ? cached
                        : instrumentation.variant(variant.name(), () -> safeguards.retry().variant(
                                source.relativePath(), variant.name(),
                                () -> runVariant(variant, context, documentDir, cancellation, cache)));
                results.add(result);
                bus.publish(new Event.VariantGenerated(source.relativePath(), result));
            }
            boolean anyFailed = results.stream().anyMatch(r -> r.status() == Status.FAILED);
            return new DocumentResult(source.relativePath(), source.path().toString(),
                    anyFailed ? Status.FAILED : Status.SUCCEEDED, bytes, sha256, pages, millisSince(start), null, results,
                    cache.warnings(context.warnings()));
        } catch (CancellationException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.TIMEOUT, cancellation.reason() != null ? cancellation.reason() : "cancelled"),
                    List.of());
        } catch (IOException e) {
            // only closing the PDF can get here
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.OUTPUT_ERROR, "output directory: " + PdfLoader.oneLine(e)), List.of());
        }
    }

    /**
     * One attempt at a variant, its result recorded under its cache key (unless it was skipped
     * only for now). Once its outputs are in place, those of its last run that it did not write
     * again are removed.
     */
    private VariantResult runVariant(Variant variant, DocumentContext context, Path documentDir,
            Cancellation cancellation, OutputCache.Lookup cache) {
        MDC.put("variant", variant.name());
        long start = System.nanoTime();
        String cacheKey = cache.key(variant);
        OutputSink sink = new OutputSink(layout, documentDir, cancellation);
        try {
            cancellation.checkpoint();
            variant.generate(context, sink);
            List<OutputFile> written = sink.commit();
            removeSuperseded(cache.superseded(variant.name(), written), documentDir);
            return VariantResult.succeeded(variant.name(), millisSince(start), written).withCacheKey(cacheKey);
        } catch (CancellationException e) {
            sink.abort();
            throw e;
        } catch (VariantSkipped e) {
            sink.abort();
            VariantResult skipped = VariantResult.skipped(variant.name(), e.getMessage());
            return e.lasting() ? skipped.withCacheKey(cacheKey) : skipped;
        } catch (DocumentFailure e) {
            sink.abort();
            return VariantResult.failed(variant.name(), millisSince(start), Failure.of(e)).withCacheKey(cacheKey);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            sink.abort();
            if (cancellation.isCancelled()) {
                throw new CancellationException(cancellation.reason());
            }
            LOG.debug("variant {} failed on {}", variant.name(), context.source().relativePath(), e);
            return VariantResult.failed(variant.name(), millisSince(start), classify(e)).withCacheKey(cacheKey);
        } finally {
            MDC.remove("variant");
        }
    }

    /**
     * Deletes the temporary files an interrupted run left in the document's directory and in the
     * subdirectories the variants write into. Those may also be another document's directory
     * ({@code a/thumbnails.pdf} next to {@code a.pdf}'s thumbnails), being written meanwhile: there
     * only files from before this process started are swept.
     */
    private void sweep(Path documentDir) throws IOException {
        AtomicFiles.sweepTemporaryFiles(documentDir);
        for (String dir : variantDirectories) {
            Path sub = documentDir.resolve(dir).normalize();
            if (sub.startsWith(documentDir) && !sub.equals(documentDir)) {
                AtomicFiles.sweepTemporaryFiles(sub, started);
            }
        }
    }

    /**
     * Deletes a variant's outputs of its last run that this run did not write again, and the
     * directories this leaves empty (never the document's own): best effort, a file that cannot
     * be removed is only logged.
     */
    private static void removeSuperseded(List<Path> stale, Path documentDir) {
        for (Path file : stale) {
            if (!file.startsWith(documentDir) || file.equals(documentDir)) {
                continue; // another document's outputs are not this one's to remove
            }
            try {
                Files.deleteIfExists(file);
                for (Path dir = file.getParent(); dir != null && dir.startsWith(documentDir) && !dir.equals(documentDir);
                        dir = dir.getParent()) {
                    if (!isEmptyDirectory(dir)) {
                        break;
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                LOG.warn("cannot remove the outdated output {}: {}", file, PdfLoader.oneLine(e));
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Turns an exception thrown by a variant into a failure kind and a message for humans. */
    Failure classify(Throwable e) {
        if (e instanceof StackOverflowError) {
            return Failure.of(FailureKind.CORRUPT, "the PDF's structure is nested too deeply to process");
        }
        if (e instanceof OutOfMemoryError) {
            return Failure.of(FailureKind.OUT_OF_MEMORY, "ran out of memory: " + PdfLoader.oneLine(e));
        }
        if (e instanceof FileSystemException fse && fse.getFile() != null
                && Path.of(fse.getFile()).toAbsolutePath().startsWith(layout.root())) {
            String reason = fse.getReason() != null ? fse.getReason()
                    : fse instanceof AccessDeniedException ? "permission denied" : PdfLoader.oneLine(e);
            return Failure.of(FailureKind.OUTPUT_ERROR, "cannot write " + fse.getFile() + ": " + reason);
        }
        if (e instanceof IOException && String.valueOf(e.getMessage()).contains("No space left on device")) {
            return Failure.of(FailureKind.OUTPUT_ERROR, "cannot write outputs: no space left on device");
        }
        if (e instanceof IOException) {
            return Failure.of(FailureKind.CORRUPT, "cannot read the PDF's content: " + PdfLoader.oneLine(e));
        }
        return Failure.of(FailureKind.PROCESSING_ERROR,
                e.getClass().getSimpleName() + ": " + PdfLoader.oneLine(e));
    }

    private static DocumentResult failed(SourceFile source, long bytes, String sha256, Integer pages,
            long durationMs, Failure failure, List<VariantResult> variants) {
        return new DocumentResult(source.relativePath(), source.path().toString(), Status.FAILED, bytes, sha256, pages,
                durationMs, failure, variants, null);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
