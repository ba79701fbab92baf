package dev.pdfvariants.schedule;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.pdfvariants.Version;
import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.discover.Discovery;
import dev.pdfvariants.discover.PathFilter;
import dev.pdfvariants.discover.ShardAssignment;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.Failure;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.document.Status;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.event.BatchSummary;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.isolation.Execution;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.output.Manifest;
import dev.pdfvariants.output.ManifestCollector;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.output.OutputLock;
import dev.pdfvariants.progress.ConsoleReporter;
import dev.pdfvariants.telemetry.Telemetry;
import dev.pdfvariants.resilience.BatchGuard;
import dev.pdfvariants.resilience.Safeguards;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantRegistry;

/**
 * {@code pdfvariants run}: discovers the documents, feeds them to the workers, collects their
 * results through the event bus, writes the manifest and maps the outcome to an exit code.
 * <p>
 * Order of work: variants are resolved and inputs validated first (usage and input errors exit
 * before anything is written); then the output directory is prepared; then documents are
 * discovered lazily and submitted one at a time, the submission blocking while all workers are
 * busy; within a bounded look-ahead the largest go first ({@link LargestFirst}).
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final VariantRegistry registry;
    private final Clock clock;

    public BatchRunner(VariantRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Runs the batch and returns its exit code; command-ending errors are thrown as {@link PdfVariantsException}. */
    public ExitCode run(RunOptions options, Io io) {
        List<Variant> variants = registry.resolve(options.variants());
        variants.forEach(v -> v.check(options.settings()));
        OutputLayout layout = new OutputLayout(io.workingDirectory().resolve(options.output()));
        ConsoleReporter reporter = ConsoleReporter.forRun(options, io, clock);
        Discovery discovery = new Discovery(options.inputs(), options.nullSeparated(),
                new PathFilter(options.includes(), options.excludes()), io.in(), io.workingDirectory(), layout.root(),
                reporter::warn);
        discovery.validate();
        Iterator<SourceFile> documents = discovery.iterator();
        if (!documents.hasNext()) {
            throw PdfVariantsException.nothingToDo("no PDF found in " + String.join(", ", options.inputs())
                    + describeFilters(options), "Check the inputs and the --include/--exclude globs.");
        }
        documents = ShardAssignment.filter(documents, options.shard()); // a shard may own none: still a manifest
        layout.prepare();
        OutputLock lock = OutputLock.acquire(layout, options.shard(), clock.instant(), reporter::warn);

        String batchId = UUID.randomUUID().toString();
        MDC.put("batch", batchId);
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        ManifestCollector manifest = collector(layout, options);
        AtomicInteger failures = new AtomicInteger();
        try (EventBus bus = new EventBus();
                Telemetry telemetry = Telemetry.start(options, io, clock, batchId, bus);
                Execution execution = Execution.create(options, io, bus);
                BatchGuard guard = BatchGuard.start(execution.scheduler(), options.resilience().shutdownGrace(),
                        reporter::warn)) {
            Scheduler scheduler = execution.scheduler();
            Safeguards safeguards = Safeguards.forRun(options, variants, layout, bus, telemetry.breakers());
            bus.subscribe(manifest).subscribe(reporter).subscribe(guard);
            // per-document state files: written by each worker as its document ends, not one at a time
            bus.subscribeConcurrent(safeguards.cache().recorder());
            bus.publish(new Event.BatchStarted(batchId, variants.stream().map(Variant::name).toList(),
                    options.workers(), layout.root().toString()));
            DocumentProcessor processor = new DocumentProcessor(variants, options.settings(),
                    new PdfLoader(options.password()), layout, bus, safeguards, telemetry.instrumentation());

            // the largest of the next documents first, so no worker idles at the end behind a big one
            documents = new LargestFirst(documents, LargestFirst.WINDOW, scheduler::hasIdleWorker);
            int discovered = 0;
            String stopReason = null;
            // output directory -> its document: "" for the usual KEY.pdf, so a million documents keep one string each
            Map<String, String> claimedDirectories = new HashMap<>();
            while (documents.hasNext()) {
                if (guard.stopped()) {
                    stopReason = guard.reason();
                    break;
                }
                if (options.maxFailures() >= 0 && failures.get() > options.maxFailures()) {
                    stopReason = "more than " + options.maxFailures() + " documents failed (--max-failures "
                            + options.maxFailures() + ")";
                    break;
                }
                SourceFile source = documents.next();
                discovered++;
                bus.publish(new Event.DocumentDiscovered(source.relativePath(), sizeOrMinusOne(source)));
                String key = OutputLayout.documentKey(source.relativePath());
                String owner = claimedDirectories.putIfAbsent(key,
                        source.relativePath().equals(key + ".pdf") ? "" : source.relativePath());
                if (owner != null) {
                    record(bus, failures, collision(source, owner.isEmpty() ? key + ".pdf" : owner));
                    continue;
                }
                scheduler.submit(source, execution.job(processor, source), result -> record(bus, failures, result));
            }
            guard.awaitCompletion();
            if (stopReason == null) {
                stopReason = guard.reason();
            }

            List<DocumentResult> results = spooled(layout, manifest, null);
            int succeeded = manifest.count(Status.SUCCEEDED);
            int failed = manifest.count(Status.FAILED);
            int skipped = manifest.count(Status.SKIPPED);
            ExitCode exitCode = guard.exitCode(failed > 0 ? ExitCode.DOCUMENTS_FAILED : ExitCode.OK);
            Instant finishedAt = clock.instant();
            long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
            BatchSummary summary = new BatchSummary(batchId, layout.root().toString(), startedAt, finishedAt,
                    durationMs, discovered, succeeded, failed, skipped, stopReason, exitCode.code(),
                    spooled(layout, manifest, Status.FAILED).stream()
                            .map(r -> new BatchSummary.FailedDocument(r.path(), r.firstFailure().kind(),
                                    r.firstFailure().message()))
                            .toList(),
                    options.shard().label(), layout.runDir().resolve(Manifest.fileName(options.shard())).toString());
            writeManifest(layout, options, new Manifest(new Manifest.Tool(Version.NAME, Version.version(), Manifest.FORMAT_VERSION),
                    new Manifest.RunInfo(batchId, startedAt, finishedAt, durationMs, options.workers(), hostName()),
                    variants.stream().map(Variant::name).toList(), variantOptions(variants, options),
                    new Manifest.Counts(discovered, succeeded, failed, skipped), stopReason, exitCode.code(), results,
                    Manifest.ShardInfo.of(options.shard()), options.environment()));
            bus.publish(new Event.BatchFinished(summary));
            if (options.json()) {
                io.out().print(Json.pretty(summary));
                io.out().flush();
            }
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PdfVariantsException(ExitCode.INTERRUPTED, "interrupted", null, e);
        } finally {
            MDC.remove("batch");
            manifest.close(); // the bus has closed it already, unless it never subscribed it
            lock.close();
        }
    }

    private static void record(EventBus bus, AtomicInteger failures, DocumentResult result) {
        switch (result.status()) {
            case SUCCEEDED -> bus.publish(new Event.DocumentSucceeded(result));
            case SKIPPED -> bus.publish(new Event.DocumentSkipped(result));
            case FAILED -> {
                failures.incrementAndGet();
                bus.publish(new Event.DocumentFailed(result));
            }
        }
    }

    private static DocumentResult collision(SourceFile source, String owner) {
        return new DocumentResult(source.relativePath(), source.path().toString(), Status.FAILED, sizeOrMinusOne(source),
                null, null, 0, Failure.of(FailureKind.OUTPUT_COLLISION,
                        "its output directory is already used by " + owner), List.of(), null);
    }

    private static void writeManifest(OutputLayout layout, RunOptions options, Manifest manifest) {
        try {
            ManifestCollector.write(layout.runDir().resolve(Manifest.fileName(options.shard())), manifest);
        } catch (IOException e) {
            throw PdfVariantsException.outputNotWritable("cannot write the manifest in " + layout.runDir() + ": "
                    + PdfLoader.oneLine(e), "Free space or fix permissions, then run again: the documents that finished are kept (their "
                    + "states are in " + layout.runDir().resolve("state") + ") and skipped.", e);
        }
    }

    private static Map<String, Map<String, Object>> variantOptions(List<Variant> variants, RunOptions options) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Variant v : variants) {
            Map<String, Object> o = v.options(options.settings());
            if (!o.isEmpty()) {
                result.put(v.name(), o);
            }
        }
        return result;
    }

    /** The collector of the results, spooled next to the manifest until it is written. */
    private static ManifestCollector collector(OutputLayout layout, RunOptions options) {
        Path spool = layout.runDir().resolve("." + Manifest.fileName(options.shard()) + ".spool");
        try {
            return new ManifestCollector(spool);
        } catch (IOException e) {
            throw PdfVariantsException.outputNotWritable("cannot write in " + layout.runDir() + ": " + PdfLoader.oneLine(e),
                    "Free space or fix permissions, then run again.", e);
        }
    }

    private static List<DocumentResult> spooled(OutputLayout layout, ManifestCollector manifest, Status status) {
        try {
            return manifest.documents(status);
        } catch (IOException e) {
            throw PdfVariantsException.outputNotWritable("cannot keep the results for the manifest in " + layout.runDir()
                    + ": " + PdfLoader.oneLine(e), "Free space or fix permissions, then run again: the documents that "
                    + "finished are kept (their states are in " + layout.runDir().resolve("state") + ") and skipped.", e);
        }
    }

    private static long sizeOrMinusOne(SourceFile source) {
        try {
            return java.nio.file.Files.size(source.path());
        } catch (IOException e) {
            return -1;
        }
    }

    private static String describeFilters(RunOptions options) {
        StringBuilder sb = new StringBuilder();
        if (!options.includes().isEmpty()) {
            sb.append(" matching --include ").append(String.join(" ", options.includes()));
        }
        if (!options.excludes().isEmpty()) {
            sb.append(" (after --exclude ").append(String.join(" ", options.excludes())).append(")");
        }
        return sb.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            LOG.debug("no host name", e);
            return "unknown";
        }
    }

}
