package dev.pdfvariants.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.pdfbox.pdmodel.PDDocument;

import dev.pdfvariants.config.Secret;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.inspect.InspectReport;
import dev.pdfvariants.inspect.InspectText;
import dev.pdfvariants.inspect.Inspector;
import dev.pdfvariants.json.Json;
import dev.pdfvariants.telemetry.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pdfvariants inspect FILE}: the facts about one PDF, as text or JSON on stdout. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show one PDF's pages, version, encryption and permissions, outline, fonts (embedded or not), "
                + "images by type, text layer, JavaScript and attachments, producer.", ""},
        footer = {"", "Exit code 1 when the file cannot be opened (the message says why), 3 when it does not exist."})
final class InspectCommand implements Callable<Integer> {
    private final CommandLineFactory.Context context;

    @Parameters(paramLabel = "FILE", description = "The PDF to inspect.")
    Path file;

    @Option(names = "--json", description = "Print the facts as JSON.")
    boolean json;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password of an encrypted PDF (or set PDFVARIANTS_PASSWORD).")
    Path passwordFile;

    @Option(names = "--verbose", description = "Library warnings and stack traces on stderr.")
    boolean verbose;

    InspectCommand(CommandLineFactory.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.configure(verbose);
        Path path = context.io().workingDirectory().resolve(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw PdfVariantsException.inputNotFound(
                    file + (Files.exists(path) ? " is not a readable file" : " does not exist"), "Check the path.");
        }
        Secret password = Secret.resolve(passwordFile, "--password-file", context.io().env(), "PDFVARIANTS_PASSWORD");
        InspectReport report;
        try {
            long bytes = Files.size(path);
            try (PDDocument pdf = new PdfLoader(password).load(path, bytes)) {
                report = Inspector.inspect(path, bytes, pdf);
            }
        } catch (DocumentFailure e) {
            throw new PdfVariantsException(ExitCode.DOCUMENTS_FAILED, file + ": " + e.getMessage() + " [" + e.kind().id() + "]",
                    e.kind().remedy(), e);
        } catch (IOException e) {
            throw new PdfVariantsException(ExitCode.DOCUMENTS_FAILED, file + ": cannot read it: " + PdfLoader.oneLine(e),
                    "Check the file; `qpdf --check FILE` shows what is damaged.", e);
        }
        if (json) {
            context.io().out().print(Json.pretty(report));
            context.io().out().flush();
        } else {
            InspectText.print(report, context.io().out());
        }
        return ExitCode.OK.code();
    }
}
