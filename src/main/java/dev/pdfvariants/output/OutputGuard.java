package dev.pdfvariants.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps every write inside the output directory, whatever the names and links look like. Paths
 * are built from normalized relative names (never {@code ..}), and before a file is written the
 * deepest directory of its path that already exists is resolved through any symbolic links: it
 * must still lie inside the output directory. (The file itself is replaced by a rename, so a link
 * in its place is replaced, never followed.) A link planted in the output tree that points
 * elsewhere (a document directory, {@code thumbnails/}, {@code _run/}) makes the write fail
 * rather than follow it.
 */
public final class OutputGuard {
    private OutputGuard() {
    }

    /** Throws when {@code file} is not under {@code root}, or an existing directory of its path leads out of it. */
    public static void requireInside(Path root, Path file) throws IOException {
        requireDirectoryInside(root, file.toAbsolutePath().normalize().getParent());
    }

    /** Throws when {@code directory} is not {@code root} or under it, or an existing part of it leads out of it. */
    public static void requireDirectoryInside(Path root, Path directory) throws IOException {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path dir = directory.toAbsolutePath().normalize();
        if (!dir.startsWith(absoluteRoot)) {
            throw new FileSystemException(dir.toString(), null, "is outside the output directory " + absoluteRoot);
        }
        Path existing = dir;
        while (!existing.equals(absoluteRoot) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real = existing.toRealPath();
        if (!real.startsWith(absoluteRoot.toRealPath())) {
            throw new FileSystemException(existing.toString(), null,
                    "leads out of the output directory (a symbolic link to " + real + "); refusing to write there");
        }
    }
}
