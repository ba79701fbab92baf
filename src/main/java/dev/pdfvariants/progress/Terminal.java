package dev.pdfvariants.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether stderr is an interactive terminal that can show a live progress bar. Read from the
 * run's environment (so in-process tests, whose environment is empty, never see one): a
 * {@code TERM} other than {@code dumb}, no {@code CI}, and file descriptor 2 pointing at a
 * terminal device (Linux); elsewhere, a console attached to the JVM.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal(Map<String, String> env) {
        String term = env.get("TERM");
        if (term == null || term.isBlank() || term.equals("dumb") || env.containsKey("CI")) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
