package dev.pdfvariants.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.pdfvariants.config.ConfigEntry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Where each option's value came from: the command line, an environment variable, the config file or the default. */
final class Origins {
    static final String COMMAND_LINE = "command line";
    static final String DEFAULT = "default";

    private Origins() {
    }

    static String describe(CommandSpec spec, String optionName) {
        OptionSpec option = spec.findOption(optionName);
        return option == null ? DEFAULT : describe(spec, option);
    }

    static String describe(CommandSpec spec, OptionSpec option) {
        if (spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            return COMMAND_LINE + " (" + option.longestName() + ")";
        }
        if (spec.commandLine().getDefaultValueProvider() instanceof EnvironmentDefaults defaults) {
            String origin = defaults.origin(option);
            if (origin != null) {
                return origin;
            }
        }
        return DEFAULT;
    }

    /** One entry per option of the command (help and hidden options aside), with its current value and origin, unmasked. */
    static List<ConfigEntry> entries(CommandSpec spec, Collection<String> skip) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            String key = EnvironmentDefaults.configKey(option);
            if (key == null || option.usageHelp() || option.versionHelp() || option.hidden()
                    || skip.contains(option.longestName())) {
                continue;
            }
            entries.add(new ConfigEntry(key, format(option.getValue()), describe(spec, option)));
        }
        return entries;
    }

    private static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? null : String.join(",", c.stream().map(String::valueOf).toList());
        }
        if (value instanceof dev.pdfvariants.config.Shard s) {
            return s.spec();
        }
        if (value instanceof java.time.Duration d) {
            return dev.pdfvariants.config.Durations.format(d);
        }
        return String.valueOf(value);
    }
}
