package dev.pdfvariants.isolation;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import dev.pdfvariants.cli.CommandLineFactory;
import dev.pdfvariants.config.Io;

/**
 * The entry point of a worker process: {@code java -Xmx… -cp <class path> WorkerMain run <the
 * run's arguments> --isolation-worker}. The arguments are parsed exactly as the parent parsed them
 * (same environment, same working directory), so the worker has the same variants, settings,
 * password and limits without any of them being serialized; then {@link WorkerLoop} serves
 * documents over stdin/stdout. Anything a library prints on stdout is sent to stderr instead, so
 * it can never corrupt the protocol.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Io io = new Io(System.in, new PrintWriter(new OutputStreamWriter(protocol, StandardCharsets.UTF_8), false),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), System.getenv(),
                Path.of("").toAbsolutePath());
        int code = CommandLineFactory.create(io, WorkerCatalog.registry(), Clock.systemUTC()).execute(args);
        io.out().flush();
        System.exit(code);
    }
}
