package dev.pdfvariants.cli;

import java.io.PrintStream;

import dev.pdfvariants.Version;
import picocli.CommandLine;

/** {@code --version}: the tool's and the JVM's versions. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            Version.NAME + " " + Version.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    /** The fast path of {@link Main}: when the only argument is {@code --version} or {@code -V}, prints it and says so. */
    static boolean printIfAlone(String[] args, PrintStream out) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return false;
        }
        for (String line : new VersionProvider().getVersion()) {
            out.print(line + System.lineSeparator());
        }
        out.flush();
        return true;
    }
}
