package dev.pdfvariants.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --config} and {@code --dry-run}: configuration management. */
final class ConfigOptions {
    @Option(names = ConfigFileStrategy.OPTION, paramLabel = "FILE",
            description = "Read option defaults from FILE: *.properties (workers=4) or *.yaml (workers: 4), keys "
                    + "being the long option names. Precedence: flag > environment variable > config file > "
                    + "default. Also PDFVARIANTS_CONFIG.")
    Path config;

    @Option(names = "--dry-run",
            description = "Print the effective configuration (where every value came from, secrets masked) and the "
                    + "documents this run would process, then exit without writing anything.")
    boolean dryRun;
}
