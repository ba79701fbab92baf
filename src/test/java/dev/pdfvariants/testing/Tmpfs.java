package dev.pdfvariants.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted for a test, to make an output location really full or really read-only
 * (permissions do not stop root). Mounting needs privileges: without them the test is skipped.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code bytes} at {@code dir} (created), read-only if asked; skips the test if it cannot. */
    public static Tmpfs mount(Path dir, long bytes, boolean readOnly) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int code = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + (readOnly ? ",ro" : ""), "tmpfs", dir.toString());
        assumeTrue(code == 0, "cannot mount a tmpfs here (needs root)");
        return new Tmpfs(dir);
    }

    /** Changes the size or mode of the mounted file system. */
    public void remount(long bytes, boolean readOnly) throws IOException, InterruptedException {
        int code = run("mount", "-o", "remount,size=" + bytes + (readOnly ? ",ro" : ",rw"), dir.toString());
        if (code != 0) {
            throw new IOException("remount of " + dir + " failed");
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            return -1; // no mount command
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }
}
