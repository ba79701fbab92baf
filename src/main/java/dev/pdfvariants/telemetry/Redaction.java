package dev.pdfvariants.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.pdfvariants.config.Secret;

/**
 * The last line of defence against leaking a password or token into a log line: every secret a
 * run was given is registered here, and {@link #apply} masks its value wherever it appears
 * (an exception message quoting a URL with credentials, a library echoing a header). Secrets
 * shorter than 4 characters are not masked: they would mangle ordinary words, and are too weak to
 * matter.
 */
public final class Redaction {
    private static final String MASK = "****";
    private static final int MIN_LENGTH = 4;
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** Masks this secret's value in every later log line of the process. Null is ignored. */
    public static void register(Secret secret) {
        if (secret != null && secret.reveal().length() >= MIN_LENGTH) {
            VALUES.add(secret.reveal());
        }
    }

    /** {@code text} with every registered secret replaced by {@code ****}. */
    public static String apply(String text) {
        if (VALUES.isEmpty() || text == null) {
            return text;
        }
        String result = text;
        for (String value : VALUES) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        return result;
    }
}
