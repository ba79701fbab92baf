package dev.pdfvariants.testing;

import java.time.Clock;

import dev.pdfvariants.cli.CommandLineFactory;
import dev.pdfvariants.config.Io;

/** {@code main} with the test variants ({@link TestVariants}): for tests that run the tool as a real process. */
public final class TestMain {
    private TestMain() {
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create(Io.system(), TestVariants.registry(), Clock.systemUTC()).execute(args));
    }
}
