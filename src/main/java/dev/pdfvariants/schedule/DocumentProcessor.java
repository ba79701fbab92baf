package dev.pdfvariants.schedule;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.document.VariantResult;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.output.OutputSink;
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

    public DocumentProcessor(List<Variant> variants, VariantSettings settings, PdfLoader loader, OutputLayout layout,
            EventBus bus) {
        this.variants = List.copyOf(variants);
        this.settings = settings;
        this.loader = loader;
        this.layout = layout;
        this.bus = bus;
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
            return processOpened(source, cancellation, start);
        } finally {
            MDC.remove("document");
        }
    }

    private DocumentResult processOpened(SourceFile source, Cancellation cancellation, long start) {
        long bytes = -1;
        String sha256 = null;
        try {
            bytes = Files.size(source.path());
            sha256 = AtomicFiles.sha256(source.path());
        } catch (NoSuchFileException e) {
            return failed(source, bytes, sha256, null, millisSince(start), Failure.of(FailureKind.NOT_FOUND, "file not found"), List.of());
        } catch (AccessDeniedException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.IO_ERROR, "permission denied reading the file"), List.of());
        } catch (IOException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.IO_ERROR, "cannot read the file: " + PdfLoader.oneLine(e)), List.of());
        }

        PDDocument pdf;
        try {
            pdf = loader.load(source.path(), bytes);
        } catch (DocumentFailure e) {
            LOG.debug("cannot open {}", source.relativePath(), e);
            return failed(source, bytes, sha256, null, millisSince(start), Failure.of(e), List.of());
        }
        try (pdf) {
            Integer pages = Pages.count(pdf);
            DocumentContext context = new DocumentContext(source, pdf, bytes, sha256, settings, cancellation);
            Path documentDir = layout.documentDir(source.relativePath());
            AtomicFiles.sweepTemporaryFiles(documentDir);
            List<VariantResult> results = new ArrayList<>(variants.size());
            for (Variant variant : variants) {
                VariantResult result = runVariant(variant, context, documentDir, cancellation);
                results.add(result);
                bus.publish(new Event.VariantGenerated(source.relativePath(), result));
            }
            boolean anyFailed = results.stream().anyMatch(r -> r.status() == Status.FAILED);
            return new DocumentResult(source.relativePath(), source.path().toString(),
                    anyFailed ? Status.FAILED : Status.SUCCEEDED, bytes, sha256, pages, millisSince(start), null, results,
                    context.warnings());
        } catch (CancellationException e) {
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.TIMEOUT, cancellation.reason() != null ? cancellation.reason() : "cancelled"),
                    List.of());
        } catch (IOException e) {
            // only sweeping the output directory or closing the PDF can get here
            return failed(source, bytes, sha256, null, millisSince(start),
                    Failure.of(FailureKind.OUTPUT_ERROR, "output directory: " + PdfLoader.oneLine(e)), List.of());
        }
    }

    private VariantResult runVariant(Variant variant, DocumentContext context, Path documentDir,
            Cancellation cancellation) {
        MDC.put("variant", variant.name());
        long start = System.nanoTime();
        OutputSink sink = new OutputSink(layout, documentDir, cancellation);
        try {
            cancellation.checkpoint();
            variant.generate(context, sink);
            return VariantResult.succeeded(variant.name(), millisSince(start), sink.commit());
        } catch (CancellationException e) {
            sink.abort();
            throw e;
        } catch (VariantSkipped e) {
            sink.abort();
            return VariantResult.skipped(variant.name(), e.getMessage());
        } catch (DocumentFailure e) {
            sink.abort();
            return VariantResult.failed(variant.name(), millisSince(start), Failure.of(e));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            sink.abort();
            if (cancellation.isCancelled()) {
                throw new CancellationException(cancellation.reason());
            }
            LOG.debug("variant {} failed on {}", variant.name(), context.source().relativePath(), e);
            return VariantResult.failed(variant.name(), millisSince(start), classify(e));
        } finally {
            MDC.remove("variant");
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
            return Failure.of(FailureKind.OUTPUT_ERROR, "cannot write " + fse.getFile() + ": " + PdfLoader.oneLine(e));
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
