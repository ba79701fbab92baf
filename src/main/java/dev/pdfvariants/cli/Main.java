package dev.pdfvariants.cli;

import java.util.Arrays;
import java.util.List;

import dev.pdfvariants.config.Io;

/**
 * The entry point: build the command line, run it, exit with its code. A lone {@code --version}
 * skips building the command model (picocli's reflection over every command: about half of the
 * start-up time), printing exactly what the full path prints.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (VersionProvider.printIfAlone(args, System.out)) {
            return;
        }
        if (processesDocuments(args)) {
            warmUp();
        }
        System.exit(CommandLineFactory.create(Io.system()).execute(args));
    }

    /**
     * Whether the command line looks like a batch (a {@code run} that is not asking for help): only
     * then is {@link #warmUp} worth it; help and version load neither JSON nor PDF classes. A guess
     * from the words alone, which at worst loads classes early or not at all.
     */
    static boolean processesDocuments(String[] args) {
        List<String> words = Arrays.asList(args);
        return words.contains("run") && !words.contains("--help") && !words.contains("-h");
    }

    /**
     * Initialises, on a second thread, the classes every command needs whose set-up is slow (the
     * JSON mapper, the PDF loader with its image plugins) while the main thread builds the
     * command model: each is initialised once, by whichever thread comes first.
     */
    private static void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                Class.forName("dev.pdfvariants.json.Json");
                Class.forName("dev.pdfvariants.document.PdfLoader");
            } catch (ClassNotFoundException | LinkageError e) {
                // the main thread meets it again where the class is used, and reports it there
            }
        }, "pdfvariants-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
