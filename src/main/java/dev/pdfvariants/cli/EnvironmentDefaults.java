package dev.pdfvariants.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from environment variables, so that cron jobs, containers and cluster engines
 * configure the tool without long command lines. Every option {@code --some-name} reads
 * {@code PDFVARIANTS_SOME_NAME}; a few also read the names the wider ecosystem uses
 * ({@link #ALIASES}). A flag on the command line always wins.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String PREFIX = "PDFVARIANTS_";

    /** Conventional variable names read after the {@code PDFVARIANTS_} one, by option. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("--pushgateway", List.of("PUSHGATEWAY_URL")),
            Map.entry("--log-format", List.of("LOG_FORMAT")),
            Map.entry("--environment", List.of("ENVIRONMENT")));

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        for (String name : variableNames(option)) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
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
}
