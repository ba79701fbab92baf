package dev.pdfvariants.cli;

import java.time.Duration;
import java.util.List;

import dev.pdfvariants.config.ResilienceSettings;
import dev.pdfvariants.config.ResilienceSettings.Isolation;
import dev.pdfvariants.config.ResilienceSettings.IsolationMode;
import dev.pdfvariants.config.ResilienceSettings.Limits;
import dev.pdfvariants.config.ResilienceSettings.Retry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code run} that make a batch resilient: retries, isolation of hostile files,
 * resource limits, the output cache ({@code --force}) and the clean stop on a signal; turned into
 * {@link ResilienceSettings} by {@link #toSettings}.
 */
final class ResilienceOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of a transient failure (the input could not be read, the provider failed), with "
                    + "exponential backoff and jitter. Corrupt, encrypted or over-limit documents are never retried. "
                    + "Default: ${DEFAULT-VALUE}.")
    int retries;

    @Option(names = "--retry-delay", paramLabel = "DURATION", defaultValue = "1s",
            converter = Converters.DurationConverter.class,
            description = "Delay before the first retry; it doubles for each next one. Default: ${DEFAULT-VALUE}.")
    Duration retryDelay;

    @Option(names = "--retry-max-delay", paramLabel = "DURATION", defaultValue = "30s",
            converter = Converters.DurationConverter.class,
            description = "Longest delay between two attempts. Default: ${DEFAULT-VALUE}.")
    Duration retryMaxDelay;

    @Option(names = "--isolation", paramLabel = "MODE", defaultValue = "thread",
            description = "Where documents are processed: thread (worker threads, fast) or process (a pool of worker "
                    + "JVMs with a bounded heap: a document that loops or exhausts memory is killed and recorded as "
                    + "timeout or oom, and the batch goes on). Default: ${DEFAULT-VALUE}.")
    IsolationMode isolation;

    @Option(names = "--isolation-fallback", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --isolation thread, give a document that timed out one more try in a worker "
                    + "process. Default: on; --no-isolation-fallback turns it off.")
    boolean isolationFallback;

    @Option(names = "--worker-heap", paramLabel = "SIZE", defaultValue = "1g",
            converter = Converters.SizeConverter.class,
            description = "Maximum heap of each worker process (-Xmx). Default: ${DEFAULT-VALUE}.")
    long workerHeap;

    @Option(names = "--worker-documents", paramLabel = "N", defaultValue = "100",
            description = "A worker process is replaced by a fresh one after N documents. Default: ${DEFAULT-VALUE}.")
    int workerDocuments;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "0",
            description = "Fail a document with more pages than N (limit-exceeded). Default: no limit.")
    long maxPages;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "0",
            converter = Converters.SizeConverter.class,
            description = "Fail an input file larger than SIZE (e.g. 200m) without opening it. Default: no limit.")
    long maxFileSize;

    @Option(names = "--max-stream-size", paramLabel = "SIZE", defaultValue = "0",
            converter = Converters.SizeConverter.class,
            description = "Fail a document with a stream that inflates to more than SIZE (a decompression bomb). "
                    + "Default: no limit.")
    long maxStreamSize;

    @Option(names = "--force",
            description = "Ignore the output cache: redo every document, even those whose outputs are up to date.")
    boolean force;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", defaultValue = "30s",
            converter = Converters.DurationConverter.class,
            description = "On SIGINT or SIGTERM no new document starts; running ones may finish for this long before "
                    + "they are abandoned. Then the manifest is written and the exit code is 130 / 143. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration shutdownGrace;

    /** Set on the command line of a worker process, never by users. */
    @Option(names = "--isolation-worker", hidden = true)
    boolean worker;

    /**
     * @param runArguments the arguments of this {@code run}, given to worker processes so that
     *                     they read the same configuration
     */
    ResilienceSettings toSettings(List<String> runArguments) {
        try {
            return new ResilienceSettings(new Retry(retries, retryDelay, retryMaxDelay),
                    new Isolation(isolation, isolationFallback, workerHeap, workerDocuments, runArguments),
                    new Limits(maxPages, maxFileSize, maxStreamSize), force, shutdownGrace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
