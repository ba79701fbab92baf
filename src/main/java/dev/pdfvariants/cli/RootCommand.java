package dev.pdfvariants.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pdfvariants}: the top command; alone it prints help. */
@Command(name = "pdfvariants",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Turns directories of PDFs into derived variants: text, metadata, summaries, outlines, "
                + "thumbnails, split and sanitized copies, and more.", ""},
        subcommands = {RunCommand.class, VariantsCommand.class, InspectCommand.class, ReportCommand.class,
            DoctorCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run `pdfvariants run --help` for the options of a batch; README.md has the details."})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.pdfvariants.error.ExitCode.USAGE.code();
    }
}
