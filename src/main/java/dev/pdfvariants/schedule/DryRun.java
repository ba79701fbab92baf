package dev.pdfvariants.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.pdfvariants.config.ConfigEntry;
import dev.pdfvariants.config.ProgressMode;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.discover.Discovery;
import dev.pdfvariants.discover.PathFilter;
import dev.pdfvariants.discover.ShardAssignment;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.output.Manifest;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.progress.ConsoleReporter;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantRegistry;

/**
 * {@code pdfvariants run --dry-run}: what a run would do, without doing it. Prints the effective
 * configuration (every value with where it came from; secrets masked) and the documents this
 * shard would process, on stdout (as JSON with {@code --json}); writes nothing, creates no
 * directory. Usage and input errors are reported exactly as a real run would.
 */
public final class DryRun {
    private final VariantRegistry registry;

    public DryRun(VariantRegistry registry) {
        this.registry = registry;
    }

    /** What {@code --json} prints. */
    public record Plan(List<ConfigEntry> configuration, String shard, String manifest, int discovered,
            List<String> documents) {
    }

    public ExitCode run(RunOptions options, List<ConfigEntry> configuration, dev.pdfvariants.config.Io io) {
        List<Variant> variants = registry.resolve(options.variants());
        OutputLayout layout = new OutputLayout(io.workingDirectory().resolve(options.output()));
        ConsoleReporter reporter = new ConsoleReporter(io.err(), ProgressMode.NONE, Clock.systemUTC());
        Discovery discovery = new Discovery(options.inputs(), options.nullSeparated(),
                new PathFilter(options.includes(), options.excludes()), io.in(), io.workingDirectory(), layout.root(),
                reporter::warn);
        discovery.validate();
        int discovered = 0;
        List<String> documents = new ArrayList<>();
        for (Iterator<SourceFile> it = discovery.iterator(); it.hasNext();) {
            SourceFile source = it.next();
            discovered++;
            if (ShardAssignment.owns(options.shard(), source.relativePath())) {
                documents.add(source.relativePath());
            }
        }
        if (discovered == 0) {
            throw PdfVariantsException.nothingToDo("no PDF found in " + String.join(", ", options.inputs()),
                    "Check the inputs and the --include/--exclude globs.");
        }
        List<ConfigEntry> masked = configuration.stream().map(ConfigEntry::masked).toList();
        String manifest = layout.runDir().resolve(Manifest.fileName(options.shard())).toString();
        PrintWriter out = io.out();
        if (options.json()) {
            out.print(Json.pretty(new Plan(masked, options.shard().label(), manifest, discovered, documents)));
        } else {
            print(out, masked, variants, options, manifest, discovered, documents);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, List<ConfigEntry> configuration, List<Variant> variants,
            RunOptions options, String manifest, int discovered, List<String> documents) {
        out.println("Effective configuration (command line > environment variable > config file > default):");
        int width = configuration.stream().mapToInt(e -> e.key().length()).max().orElse(0);
        int valueWidth = Math.min(40, configuration.stream()
                .mapToInt(e -> e.value() == null ? 1 : e.value().length()).max().orElse(0));
        for (ConfigEntry e : configuration) {
            out.printf("  %-" + width + "s  %-" + valueWidth + "s  %s%n", e.key(), e.value() == null ? "-" : e.value(),
                    e.source());
        }
        out.println();
        out.println("Variants: " + String.join(", ", variants.stream().map(Variant::name).toList()));
        out.println("Manifest: " + manifest);
        if (options.shard().isWhole()) {
            out.println("Documents: " + documents.size());
        } else {
            out.println("Documents: " + documents.size() + " of the " + discovered + " discovered belong to shard "
                    + options.shard().label());
        }
        for (String d : documents) {
            out.println("  " + d);
        }
        out.println();
        out.println("Dry run: nothing was written.");
    }
}
