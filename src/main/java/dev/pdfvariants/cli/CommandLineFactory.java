package dev.pdfvariants.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.variant.VariantRegistry;
import picocli.CommandLine;

/**
 * The one place a {@link CommandLine} is built, for {@code main} and for tests alike: commands,
 * streams, defaults from the environment, the exit-code list in {@code --help}, and the handlers
 * that turn errors into one-line messages and stable exit codes.
 */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    public static CommandLine create(Io io) {
        return create(io, VariantRegistry::standard, Clock.systemUTC());
    }

    public static CommandLine create(Io io, VariantRegistry registry, Clock clock) {
        return create(io, () -> registry, clock);
    }

    /**
     * @param registry supplies the catalog when a command first needs it: building it loads every
     *                 variant class (and PDFBox with them), which {@code --help} must not pay for
     */
    public static CommandLine create(Io io, Supplier<VariantRegistry> registry, Clock clock) {
        Context context = new Context(io, memoize(registry), clock);
        CommandLine cli = new CommandLine(new RootCommand(), new ContextFactory(context));
        cli.setOut(io.out());
        cli.setErr(io.err());
        EnvironmentDefaults defaults = new EnvironmentDefaults(io.env());
        cli.setDefaultValueProvider(defaults);
        cli.setExecutionStrategy(new ConfigFileStrategy(cli, defaults));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setAbbreviatedOptionsAllowed(false);
        ErrorHandler handler = new ErrorHandler(io);
        cli.setParameterExceptionHandler(handler);
        cli.setExecutionExceptionHandler(handler);
        cli.setExitCodeExceptionMapper(handler);
        Map<String, String> exitCodes = exitCodeList();
        applyExitCodes(cli, exitCodes);
        return cli;
    }

    private static void applyExitCodes(CommandLine cli, Map<String, String> exitCodes) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        for (CommandLine sub : cli.getSubcommands().values()) {
            applyExitCodes(sub, exitCodes);
        }
    }

    /** The exit codes for {@code --help}, from the enum: never a second list to keep in step. */
    static Map<String, String> exitCodeList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            list.put(String.format("%4d", code.code()), code.meaning());
        }
        return list;
    }

    /** What commands need besides their options. */
    record Context(Io io, Supplier<VariantRegistry> catalog, Clock clock) {
        VariantRegistry registry() {
            return catalog.get();
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Hands the context to commands that take it in their constructor. */
    private record ContextFactory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Context.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
