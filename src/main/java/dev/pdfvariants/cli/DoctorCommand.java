package dev.pdfvariants.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.pdfvariants.doctor.CheckResult;
import dev.pdfvariants.doctor.Doctor;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.telemetry.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pdfvariants doctor}: checks the set-up, one line per check; exit 0 only when all pass. */
@Command(name = "doctor", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Check the set-up before a batch: output directory writable, Pushgateway and OTLP collector "
                + "reachable (when configured), JVM heap for the worker count, fonts, and the language-model provider.",
            "Prints one line per check (ok, FAIL, skip); exits 0 only when no check failed, 2 otherwise.", ""},
        footer = {"", "Takes the same options and environment variables as `pdfvariants run`, e.g.:",
            "  PUSHGATEWAY_URL=http://pushgateway:9091 ENABLE_TRACING=true pdfvariants doctor -o out -j 8"})
final class DoctorCommand implements Callable<Integer> {
    private final CommandLineFactory.Context context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The output directory a run would use.")
    Path output;

    @Option(names = {"-j", "--workers"}, paramLabel = "N",
            description = "The worker count the heap must serve. Default: the number of processors.")
    Integer workers;

    @Mixin
    ProviderOptions provider;

    @Mixin
    EndpointOptions endpoints;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    DoctorCommand(CommandLineFactory.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.configure(false);
        CommandLine cmd = spec.commandLine();
        int workerCount = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (workerCount < 1) {
            throw new CommandLine.ParameterException(cmd, "--workers must be at least 1, got " + workerCount);
        }
        var env = context.io().env();
        Doctor.Settings settings = new Doctor.Settings(
                output != null ? context.io().workingDirectory().resolve(output) : null, workerCount,
                endpoints.metrics(cmd, env, Duration.ZERO, null), endpoints.tracing(cmd, env), provider.url(cmd),
                provider.key(context.io()), provider.model(), endpoints.pushTimeout);
        List<CheckResult> results = new Doctor(settings).run();
        PrintWriter out = context.io().out();
        results.forEach(r -> out.println(r.line()));
        out.flush();
        long failed = results.stream().filter(r -> r.outcome() == CheckResult.Outcome.FAIL).count();
        if (failed > 0) {
            context.io().err().println("pdfvariants: " + failed + " of " + results.size() + " checks failed");
            context.io().err().flush();
            return ExitCode.USAGE.code();
        }
        return ExitCode.OK.code();
    }
}
