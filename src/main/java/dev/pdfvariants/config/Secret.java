package dev.pdfvariants.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * A password or token. Its {@link #toString()} never reveals the value, so it cannot leak into
 * logs, events or the manifest by accident; only {@link #reveal()} hands it out, to the one
 * library call that needs it.
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value);
        this.origin = Objects.requireNonNull(origin);
    }

    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    /**
     * Reads a secret from the first line of a file (a trailing newline is not part of it), the
     * way {@code --password-file} and {@code --*-token-file} options read theirs.
     */
    public static Secret fromFile(Path file, String optionName) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            String firstLine = newline >= 0 ? text.substring(0, newline) : text;
            if (firstLine.endsWith("\r")) {
                firstLine = firstLine.substring(0, firstLine.length() - 1);
            }
            return new Secret(firstLine, optionName + " " + file);
        } catch (IOException e) {
            throw PdfVariantsException.usage("cannot read " + optionName + " " + file + ": " + e.getMessage(),
                    "Pass a readable file whose first line is the secret.");
        }
    }

    /** The secret from a file option when given, else from an environment variable, else null. */
    public static Secret resolve(Path file, String optionName, Map<String, String> env, String envName) {
        if (file != null) {
            return fromFile(file, optionName);
        }
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Secret(fromEnv, "environment variable " + envName);
        }
        return null;
    }

    public String reveal() {
        return value;
    }

    /** Where the secret came from ("--password-file /run/secrets/pdf"), safe to show. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
