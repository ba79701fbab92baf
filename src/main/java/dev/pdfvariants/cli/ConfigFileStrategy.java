package dev.pdfvariants.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.pdfvariants.config.ConfigFile;
import dev.pdfvariants.error.PdfVariantsException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Applies {@code --config FILE} (or {@code PDFVARIANTS_CONFIG}): the file is only known once the
 * command line is parsed, so when one is given it becomes a layer of {@link EnvironmentDefaults}
 * and the same arguments are parsed again, letting flags and environment variables win over it.
 * Then the command runs as usual ({@link CommandLine.RunLast}).
 */
final class ConfigFileStrategy implements CommandLine.IExecutionStrategy {
    static final String OPTION = "--config";

    private final CommandLine root;
    private final EnvironmentDefaults defaults;

    ConfigFileStrategy(CommandLine root, EnvironmentDefaults defaults) {
        this.root = root;
        this.defaults = defaults;
    }

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult effective = parseResult;
        Path file = configPath(parseResult);
        if (file != null && !helpRequested(parseResult)) {
            defaults.useConfigFile(load(file));
            try {
                effective = root.parseArgs(parseResult.originalArgs().toArray(new String[0]));
            } catch (ParameterException e) {
                throw withOrigin(e);
            }
        }
        return new CommandLine.RunLast().execute(effective);
    }

    private ConfigFile load(Path file) {
        try {
            ConfigFile config = ConfigFile.load(file);
            List<String> unknown = config.unknownKeys(knownKeys(root));
            if (!unknown.isEmpty()) {
                throw PdfVariantsException.usage("config file " + file + ": unknown key " + String.join(", ", unknown),
                        "Keys are option names without '--' (see 'pdfvariants run --help').");
            }
            return config;
        } catch (PdfVariantsException e) {
            throw new CommandLine.ExecutionException(root, e.getMessage(), e);
        }
    }

    /** The value of {@code --config} on the command or subcommand being run, if it has that option. */
    private static Path configPath(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            OptionSpec option = r.commandSpec().findOption(OPTION);
            if (option != null && option.getValue() != null) {
                return option.getValue();
            }
        }
        return null;
    }

    private static boolean helpRequested(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** Every config key any command knows: the long option names without {@code --}. */
    static Set<String> knownKeys(CommandLine cli) {
        Set<String> keys = new TreeSet<>();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            String key = EnvironmentDefaults.configKey(option);
            if (key != null && !option.usageHelp() && !option.versionHelp() && !option.longestName().equals(OPTION)) {
                keys.add(key);
            }
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            keys.addAll(knownKeys(sub));
        }
        return keys;
    }

    /** A bad value that came from the environment or the config file says so. */
    private ParameterException withOrigin(ParameterException e) {
        if (e.getArgSpec() instanceof OptionSpec option) {
            String origin = defaults.origin(option);
            if (origin != null) {
                return new ParameterException(e.getCommandLine(), e.getMessage() + " (from " + origin + ")", e,
                        e.getArgSpec(), e.getValue());
            }
        }
        return e;
    }
}
