package dev.pdfvariants.config;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The process's surroundings, passed in rather than read from globals so that in-process tests
 * (and embedders) can supply their own: standard streams, environment, working directory.
 *
 * @param in               standard input (paths for {@code -})
 * @param out              standard output: data only ({@code --json}, catalogs)
 * @param err              standard error: progress, warnings, failures
 * @param env              environment variables
 * @param workingDirectory what relative paths resolve against
 */
public record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDirectory) {
    public Io {
        Objects.requireNonNull(in);
        Objects.requireNonNull(out);
        Objects.requireNonNull(err);
        env = Map.copyOf(env);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The real process: System streams, environment and current directory. */
    public static Io system() {
        return new Io(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                Path.of("").toAbsolutePath());
    }
}
