package dev.pdfvariants.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.report.MergedReport;
import dev.pdfvariants.report.ReportMerger;
import dev.pdfvariants.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pdfvariants report OUT...}: merges the manifests of a batch's shards into one report. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the manifests of a batch's runs (one per shard: OUT/_run/manifest-K-of-N.json, or "
                + "OUT/_run/manifest.json) into one report: a summary on stdout (JSON with --json), optionally "
                + "HTML. Checks that every shard 0..N-1 is there exactly once and that no document was processed "
                + "twice. Exit code 0: complete, no document failed; 1: documents failed; 6: a shard is missing or "
                + "duplicated, or shards overlap.", ""},
        footer = {"", "Examples:",
            "  pdfvariants report out                        # shards that wrote to one shared output",
            "  pdfvariants report out-0 out-1 out-2 --html report.html",
            "  pdfvariants report out --json > report.json"})
final class ReportCommand implements Callable<Integer> {
    private final CommandLineFactory.Context context;

    @Parameters(arity = "1..*", paramLabel = "OUT",
            description = "Output directories of the runs (their _run/manifest*.json are read), or manifest files.")
    List<Path> locations = new ArrayList<>();

    @Option(names = "--json", description = "Print the merged report as JSON on stdout instead of the summary.")
    boolean json;

    @Option(names = "--json-file", paramLabel = "FILE", description = "Also write the merged report as JSON to FILE.")
    Path jsonFile;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as an HTML page to FILE.")
    Path htmlFile;

    ReportCommand(CommandLineFactory.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path cwd = context.io().workingDirectory();
        MergedReport report = ReportMerger.merge(locations.stream().map(cwd::resolve).toList());
        PrintWriter out = context.io().out();
        out.print(json ? Json.pretty(report) : ReportRenderer.text(report));
        out.flush();
        write(jsonFile, Json.pretty(report));
        write(htmlFile, ReportRenderer.html(report));
        PrintWriter err = context.io().err();
        for (String problem : report.problems()) {
            err.println("pdfvariants: " + problem);
        }
        if (report.counts().failed() > 0) {
            err.println("pdfvariants: " + report.counts().failed() + " document(s) failed (listed in the report)");
        }
        err.flush();
        return report.exitCode();
    }

    private void write(Path file, String content) {
        if (file == null) {
            return;
        }
        Path target = context.io().workingDirectory().resolve(file);
        try {
            AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw PdfVariantsException.outputNotWritable("cannot write " + target + ": " + e.getMessage(),
                    "Choose a writable location.", e);
        }
    }
}
