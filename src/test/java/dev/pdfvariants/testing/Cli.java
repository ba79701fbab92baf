package dev.pdfvariants.testing;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.pdfvariants.cli.CommandLineFactory;
import dev.pdfvariants.config.Io;
import dev.pdfvariants.variant.VariantRegistry;

/**
 * Runs the command line in-process through the same factory as {@code main}, capturing the exit
 * code, stdout and stderr. The environment is empty unless given, so a developer's own variables
 * never leak into a test.
 */
public final class Cli {
    private final Map<String, String> env = new HashMap<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private String stdin = "";
    private Supplier<VariantRegistry> registry = VariantRegistry::standard;

    public static Cli cli() {
        return new Cli();
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli in(Path dir) {
        this.workingDirectory = dir;
        return this;
    }

    /** Runs with this catalog instead of the standard one (e.g. {@link TestVariants#registry()}). */
    public Cli registry(VariantRegistry catalog) {
        this.registry = () -> catalog;
        return this;
    }

    public Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), env, workingDirectory);
        int code = CommandLineFactory.create(io, registry, Clock.systemUTC()).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a run left behind. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }
}
