package dev.pdfvariants.cli;

import dev.pdfvariants.config.Io;

/**
 * The entry point: build the command line, run it, exit with its code. A lone {@code --version}
 * skips building the command model (picocli's reflection over every command: about half of the
 * start-up time), printing exactly what the full path prints.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (VersionProvider.printIfAlone(args, System.out)) {
            return;
        }
        System.exit(CommandLineFactory.create(Io.system()).execute(args));
    }
}
