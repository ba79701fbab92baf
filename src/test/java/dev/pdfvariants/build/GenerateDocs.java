package dev.pdfvariants.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.pdfvariants.cli.CommandLineFactory;
import dev.pdfvariants.config.Io;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (run by the exec plugin in {@code package}, see pom.xml): writes the man pages (as
 * AsciiDoc, picocli-codegen's ManPageGenerator; asciidoctor turns them into troff) and the bash/zsh
 * completion script (picocli's AutoComplete) from the same command model the tool runs with,
 * built with an empty environment so that the build machine's variables never leak into them.
 *
 * <p>Usage: {@code GenerateDocs OUTPUT_DIR} → {@code OUTPUT_DIR/man-adoc/*.adoc},
 * {@code OUTPUT_DIR/completion/pdfvariants}.
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/generated-docs");
        Io io = new Io(InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), Path.of("."));
        CommandLine cli = CommandLineFactory.create(io);

        Path man = Files.createDirectories(out.resolve("man-adoc"));
        // one page per command, subcommands included (pdfvariants-run, pdfvariants-report …)
        int status = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, cli.getCommandSpec());
        if (status != 0) {
            throw new IOException("man page generation failed with status " + status);
        }

        Path completion = Files.createDirectories(out.resolve("completion"));
        Files.writeString(completion.resolve("pdfvariants"), AutoComplete.bash("pdfvariants", cli),
                StandardCharsets.UTF_8);
    }
}
