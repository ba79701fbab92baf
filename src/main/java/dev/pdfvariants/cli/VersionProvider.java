package dev.pdfvariants.cli;

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
}
