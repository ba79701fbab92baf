package dev.pdfvariants.config;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the effective configuration that {@code run --dry-run} prints: a key, its value
 * (masked when it is a secret) and where it came from.
 *
 * @param key    the option's long name without {@code --}, or a derived setting ({@code shard})
 * @param value  the value as text, or null when unset
 * @param source {@code command line}, {@code environment variable X}, {@code config file F (key)} or {@code default}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigEntry(String key, String value, String source) {
    private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|secret|token|credential|api-?key|auth");
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final String MASK = "****";

    /** This entry with its value masked if it may carry a secret. */
    public ConfigEntry masked() {
        return new ConfigEntry(key, mask(key, value), source);
    }

    /**
     * Masks a value that may carry a secret: the whole value of a key that names one (a file
     * holding it, {@code *-file}, is shown: a path is not the secret), user info in URLs
     * ({@code https://user:pass@host} → {@code https://****@host}), and the values of
     * {@code key=value} header lists ({@code *headers}).
     */
    public static String mask(String key, String value) {
        if (value == null) {
            return null;
        }
        String k = key.toLowerCase(Locale.ROOT);
        if (SECRET_KEY.matcher(k).find() && !k.endsWith("-file")) {
            return MASK;
        }
        if (k.endsWith("headers")) {
            return value.replaceAll("=[^,]*", "=" + MASK);
        }
        return URL_USERINFO.matcher(value).replaceAll("$1" + MASK + "@");
    }
}
