package dev.pdfvariants.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.pdfvariants.config.ConfigFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from environment variables and from a {@code --config} file, so that cron jobs,
 * containers and cluster engines configure the tool without long command lines. Every option
 * {@code --some-name} reads {@code PDFVARIANTS_SOME_NAME}; a few also read the names the wider
 * ecosystem uses ({@link #ALIASES}); then the key {@code some-name} of the config file, if any.
 * Precedence: a flag on the command line &gt; an environment variable &gt; the config file &gt; the
 * built-in default. Where each value came from is remembered for {@code run --dry-run}.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String PREFIX = "PDFVARIANTS_";

    /** Conventional variable names read after the {@code PDFVARIANTS_} one, by option. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("--shard-count", List.of("SHARD_COUNT")),
            Map.entry("--pushgateway", List.of("PUSHGATEWAY_URL")),
            Map.entry("--log-format", List.of("LOG_FORMAT")),
            Map.entry("--environment", List.of("ENVIRONMENT")));

    private final Map<String, String> env;
    private final Map<OptionSpec, String> origins = Collections.synchronizedMap(new IdentityHashMap<>());
    private volatile ConfigFile configFile;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
    }

    /** Makes the config file's keys the next layer of defaults (before the command line is parsed again). */
    void useConfigFile(ConfigFile file) {
        this.configFile = file;
    }

    ConfigFile configFile() {
        return configFile;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        origins.remove(option);
        for (String name : variableNames(option)) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                origins.put(option, "environment variable " + name);
                return value;
            }
        }
        ConfigFile file = configFile;
        String key = configKey(option);
        if (file != null && key != null && file.values().containsKey(key)) {
            origins.put(option, "config file " + file.path() + " (" + key + ")");
            return file.values().get(key);
        }
        return null;
    }

    /**
     * Where the value of {@code option} came from when it was not on the command line: an
     * environment variable, the config file, or (null) the built-in default.
     */
    String origin(OptionSpec option) {
        return origins.get(option);
    }

    /** The environment variables an option reads, in order of precedence. */
    static List<String> variableNames(OptionSpec option) {
        List<String> names = new ArrayList<>();
        String longest = option.longestName();
        if (longest.startsWith("--")) {
            names.add(PREFIX + longest.substring(2).toUpperCase(Locale.ROOT).replace('-', '_'));
            names.addAll(ALIASES.getOrDefault(longest, List.of()));
        }
        return names;
    }

    /** The config-file key of an option: its long name without {@code --}; null for short-only options. */
    static String configKey(OptionSpec option) {
        String longest = option.longestName();
        return longest.startsWith("--") ? longest.substring(2) : null;
    }
}
