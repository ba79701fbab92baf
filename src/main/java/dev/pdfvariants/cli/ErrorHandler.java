package dev.pdfvariants.cli;

import java.io.PrintWriter;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.PdfVariantsException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one mapper from errors to what the user sees and the exit code: a one-line reason, a hint,
 * and a stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {
    private final Io io;

    ErrorHandler(Io io) {
        this.io = io;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = io.err();
        CommandLine cmd = ex.getCommandLine();
        err.println("pdfvariants: " + firstLine(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("  hint: see '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = io.err();
        boolean verbose = isVerbose(parseResult);
        if (ex instanceof PdfVariantsException e) {
            err.println("pdfvariants: " + e.getMessage());
            if (e.remedy() != null) {
                err.println("  hint: " + e.remedy());
            }
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            err.flush();
            return e.exitCode().code();
        }
        err.println("pdfvariants: internal error: " + ex.getClass().getSimpleName() + ": " + PdfLoader.oneLine(ex));
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("  hint: re-run with --verbose for the stack trace, and please report it.");
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof PdfVariantsException e) {
            return e.exitCode().code();
        }
        return ExitCode.INTERNAL_ERROR.code();
    }

    private static boolean isVerbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid arguments";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
