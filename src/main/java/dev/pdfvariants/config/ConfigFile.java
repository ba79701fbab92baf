package dev.pdfvariants.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * A {@code --config} file: option values by key, the key being the option's long name without
 * {@code --} ({@code workers}, {@code output}, {@code shard} …). Two formats, chosen by extension:
 * Java properties ({@code .properties}, {@code .conf}; {@code workers=4}) and YAML ({@code .yaml},
 * {@code .yml}; {@code workers: 4}, lists as {@code variants: [text, metadata]}). A YAML list
 * becomes the comma-separated value an option such as {@code --variants} takes.
 *
 * @param path   the file, as given
 * @param values the values by key, as strings, in key order
 */
public record ConfigFile(Path path, Map<String, String> values) {
    public ConfigFile {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Reads {@code file}, or fails with exit code 2 naming the file and the problem. */
    public static ConfigFile load(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return new ConfigFile(file, yaml(file));
            }
            if (name.endsWith(".properties") || name.endsWith(".conf") || name.endsWith(".cfg")) {
                return new ConfigFile(file, properties(file));
            }
        } catch (NoSuchFileException e) {
            throw PdfVariantsException.usage("config file " + file + " does not exist",
                    "Check the --config path (or PDFVARIANTS_CONFIG).");
        } catch (JacksonException e) {
            throw PdfVariantsException.usage("config file " + file + " is not valid YAML: "
                    + e.getOriginalMessage() + location(e), "Fix the file: one 'key: value' per line, "
                    + "keys being option names without '--'.");
        } catch (IOException e) {
            throw PdfVariantsException.usage("cannot read config file " + file + ": " + e.getMessage(),
                    "Check that it exists and is readable.");
        }
        throw PdfVariantsException.usage("config file " + file + " has no known format",
                "Name it *.properties (key=value) or *.yaml / *.yml (key: value).");
    }

    /**
     * The keys that no option knows, each with a suggestion when one is close; empty when all are known.
     */
    public List<String> unknownKeys(Collection<String> known) {
        List<String> problems = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                String closest = known.stream().min(Comparator.comparingInt(k -> distance(k, key))).orElse(null);
                boolean close = closest != null && distance(closest, key) <= Math.max(2, key.length() / 3);
                problems.add("'" + key + "'" + (close ? " (did you mean '" + closest + "'?)" : ""));
            }
        }
        return problems;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            values.put(normalizeKey(key, file), p.getProperty(key).trim());
        }
        return values;
    }

    private static Map<String, String> yaml(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        }
        Map<String, String> values = new TreeMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw PdfVariantsException.usage("config file " + file + " must be a mapping of keys to values",
                    "Write one 'key: value' per line, keys being option names without '--'.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = normalizeKey(e.getKey(), file);
            JsonNode v = e.getValue();
            if (v.isObject()) {
                throw PdfVariantsException.usage("config file " + file + ": key '" + key + "' holds a section; "
                        + "nested sections are not supported", "Use option names as top-level keys, e.g. 'workers: 4'.");
            }
            if (v.isNull()) {
                throw PdfVariantsException.usage("config file " + file + ": key '" + key + "' has no value",
                        "Give it a value, or remove the line.");
            }
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : v) {
                    if (item.isContainerNode()) {
                        throw PdfVariantsException.usage("config file " + file + ": key '" + key
                                + "' must be a list of plain values", "Write e.g. 'variants: [text, metadata]'.");
                    }
                    items.add(item.asText());
                }
                values.put(key, String.join(",", items));
            } else {
                values.put(key, v.asText());
            }
        }
        return values;
    }

    private static String normalizeKey(String raw, Path file) {
        String key = raw.trim();
        if (key.startsWith("--")) {
            key = key.substring(2);
        }
        if (key.isEmpty()) {
            throw PdfVariantsException.usage("config file " + file + " has an empty key", "Remove that line.");
        }
        return key;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
