package dev.pdfvariants.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pdfvariants variants}: the catalog, as a table or JSON. */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = {"List the variants: name, kind, outputs, and what each is.", ""})
final class VariantsCommand implements Callable<Integer> {
    private final CommandLineFactory.Context context;

    @Option(names = "--json", description = "Print the catalog as JSON.")
    boolean json;

    VariantsCommand(CommandLineFactory.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> defaults = context.registry().defaults();
        List<Entry> entries = new ArrayList<>();
        for (Variant v : context.registry().all()) {
            entries.add(new Entry(v.name(), v.kind(), v.description(), v.outputs(), v.version(),
                    defaults.contains(v.name()), v.options(VariantSettings.defaults())));
        }
        PrintWriter out = context.io().out();
        if (json) {
            out.print(Json.pretty(entries));
        } else {
            int nameWidth = Math.max(7, entries.stream().mapToInt(e -> e.name().length()).max().orElse(0) + 1);
            String format = "%-" + (nameWidth + 1) + "s %-9s %-28s %s%n";
            out.printf(format, "VARIANT", "KIND", "OUTPUTS", "DESCRIPTION");
            for (Entry e : entries) {
                out.printf(format, e.name() + (e.isDefault() ? "*" : ""), e.kind().id(), String.join(", ", e.outputs()),
                        e.description());
            }
            out.println();
            out.println("* in the default set (used when -v is not given). Select with -v NAME,NAME or -v all.");
        }
        out.flush();
        return ExitCode.OK.code();
    }

    record Entry(String name, VariantKind kind, String description, List<String> outputs, int version,
            boolean isDefault, Map<String, Object> options) {
    }
}
