package dev.pdfvariants.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.pdfvariants.config.ProgressMode;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TextOrder;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.schedule.BatchRunner;
import dev.pdfvariants.telemetry.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdfvariants run}: turns its options into {@link RunOptions} and hands them to the {@link BatchRunner}. */
@Command(name = "run",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Process PDFs: write the requested variants of every document under the output directory, "
                + "as OUT/<relative path without .pdf>/<outputs>, and a manifest in OUT/_run/manifest.json.", ""},
        footer = {"",
            "Every option --some-name can also be set with the environment variable PDFVARIANTS_SOME_NAME; "
                + "a flag on the command line wins. The password for encrypted PDFs is read from --password-file "
                + "or PDFVARIANTS_PASSWORD, never from the command line.",
            "",
            "Examples:",
            "  pdfvariants run samples -o out",
            "  pdfvariants run ~/papers -o out -v text,metadata -j 4 --exclude 'draft*'",
            "  find . -name '*.pdf' -print0 | pdfvariants run -0 - -o out --json"})
final class RunCommand implements Callable<Integer> {
    private final CommandLineFactory.Context context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "PDF files, directories (searched recursively for *.pdf), or - to read paths from stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (created if missing). Required.")
    Path output;

    @Option(names = {"-v", "--variants"}, split = ",", paramLabel = "LIST",
            description = "Variants to produce, comma-separated, or 'all'. Default: the default set "
                    + "(see `pdfvariants variants`).")
    List<String> variants = new ArrayList<>();

    @Option(names = {"-j", "--workers"}, paramLabel = "N",
            description = "Documents processed at the same time. Default: the number of processors.")
    Integer workers;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only take walked PDFs matching this glob (repeatable). Without '/', matched against the "
                    + "file name; with '/', against the path relative to the input directory.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip walked PDFs and directories matching this glob (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-0", "--null"}, description = "Paths read from stdin ('-') are separated by NUL (find -print0).")
    boolean nullSeparated;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = Converters.DurationConverter.class,
            description = "Time limit per document (e.g. 90s, 5m). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "-1",
            description = "Stop taking new documents once more than N have failed. Default: never stop.")
    int maxFailures;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password for encrypted PDFs (or set PDFVARIANTS_PASSWORD).")
    Path passwordFile;

    @Option(names = "--text-order", paramLabel = "ORDER", defaultValue = "stream",
            description = "Reading order of extracted text: stream (as the PDF draws it) or position "
                    + "(top-to-bottom, left-to-right). Default: ${DEFAULT-VALUE}.")
    TextOrder textOrder;

    @Mixin
    DocumentOptions documentOptions;

    @Mixin
    ContentOptions content = new ContentOptions();

    @Mixin
    ProviderOptions provider;

    @Option(names = "--json", description = "Print a machine-readable summary of the batch on stdout.")
    boolean json;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress on stderr: auto, plain or none. Default: ${DEFAULT-VALUE}.")
    ProgressMode progress;

    @Option(names = "--verbose", description = "Debug detail and stack traces on stderr.")
    boolean verbose;

    @Mixin
    ShardOptions sharding;

    @Mixin
    ConfigOptions configuration;

    @Mixin
    TelemetryOptions telemetry;

    @Mixin
    ResilienceOptions resilience;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    RunCommand(CommandLineFactory.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunOptions options = toOptions();
        if (configuration.dryRun) {
            return new dev.pdfvariants.schedule.DryRun(context.registry())
                    .run(options, effectiveConfiguration(options), context.io()).code();
        }
        Logging.configure(options.telemetry().logs(), options.verbose(), context.io().err());
        if (resilience.worker) {
            return new dev.pdfvariants.isolation.WorkerLoop(context.registry()).serve(options, context.io()).code();
        }
        return new BatchRunner(context.registry(), context.clock()).run(options, context.io()).code();
    }

    private dev.pdfvariants.config.ContentSettings contentSettings() {
        try {
            return content.toSettings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    RunOptions toOptions() {
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--output=DIR'");
        }
        int workerCount = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (workerCount < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1, got " + workerCount);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive, got " + timeout);
        }
        Secret password = Secret.resolve(passwordFile, "--password-file", context.io().env(), "PDFVARIANTS_PASSWORD");
        return RunOptions.builder()
                .inputs(inputs)
                .nullSeparated(nullSeparated)
                .includes(includes)
                .excludes(excludes)
                .output(output)
                .variants(variants)
                .workers(workerCount)
                .timeout(timeout)
                .maxFailures(maxFailures)
                .password(password)
                .json(json)
                .progress(progress)
                .verbose(verbose)
                .settings(new VariantSettings(textOrder, contentSettings(),
                        documentOptions.toSettings(context.io().env()))
                        .withProvider(provider.toSettings(spec.commandLine(), context.io())))
                .shard(sharding.detect(spec, context.io().env()).shard())
                .telemetry(telemetry.toSettings(spec.commandLine(), context.io(), json))
                .resilience(resilience.toSettings(spec.commandLine().getParseResult().originalArgs()))
                .build();
    }

    /** Every option's value and origin, plus the derived shard and password, for {@code --dry-run}. */
    private List<dev.pdfvariants.config.ConfigEntry> effectiveConfiguration(RunOptions options) {
        List<dev.pdfvariants.config.ConfigEntry> entries = new ArrayList<>(Origins.entries(spec,
                List.of("--shard", "--dry-run")));
        entries.add(new dev.pdfvariants.config.ConfigEntry("shard", options.shard().spec() + " ("
                + options.shard().label() + ")", sharding.detect(spec, context.io().env()).source()));
        if (options.password() != null) {
            entries.add(new dev.pdfvariants.config.ConfigEntry("password", options.password().toString(),
                    options.password().origin()));
        }
        Secret providerKey = options.settings().provider().endpoint().key();
        if (providerKey != null) {
            entries.add(new dev.pdfvariants.config.ConfigEntry("provider key", providerKey.toString(),
                    providerKey.origin()));
        }
        return entries;
    }
}
