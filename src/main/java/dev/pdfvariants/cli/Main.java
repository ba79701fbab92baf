package dev.pdfvariants.cli;

import dev.pdfvariants.config.Io;

/** The entry point: build the command line, run it, exit with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create(Io.system()).execute(args));
    }
}
