package dev.pdfvariants.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file writes: content goes to a hidden temporary file in the target's directory, which is
 * renamed over the target only once complete. A reader (or a re-run after {@code kill -9}) sees
 * the old file or the new one, never half of one. Temporary files end in {@value #TEMP_SUFFIX}
 * and are swept by {@link #sweepTemporaryFiles}.
 */
public final class AtomicFiles {
    public static final String TEMP_SUFFIX = ".pdfvariants-partial";

    private AtomicFiles() {
    }

    /** What was written: size and hex SHA-256. */
    public record Written(long bytes, String sha256) {
    }

    /** A complete temporary file, waiting to be renamed over its target. */
    public record Staged(Path temp, Path target, Written written) {
        /** Renames the temporary file over the target, atomically where the file system allows. */
        public void commit() throws IOException {
            move(temp, target);
        }

        public void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the next run sweeps it
            }
        }
    }

    /** Writes {@code target} atomically and returns its size and digest. */
    public static Written write(Path target, IoConsumer<OutputStream> body) throws IOException {
        Staged staged = stage(target, body);
        staged.commit();
        return staged.written();
    }

    /** Writes {@code target} atomically from bytes. */
    public static Written write(Path target, byte[] content) throws IOException {
        return write(target, out -> out.write(content));
    }

    /**
     * Writes {@code target} atomically from bytes, for a file only one writer ever writes at a
     * time: through a temporary file of a fixed name ({@link #soleTemporary}), so that what an
     * interrupted writer left there is replaced by the next write instead of staying behind.
     */
    public static Written writeAlone(Path target, byte[] content) throws IOException {
        Staged staged = stage(target, soleTemporary(target.toAbsolutePath()), out -> out.write(content));
        staged.commit();
        return staged.written();
    }

    /** The temporary file {@link #writeAlone} writes {@code target} through. */
    public static Path soleTemporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    /** Writes the content to a temporary file next to {@code target}, without replacing it yet. */
    public static Staged stage(Path target, IoConsumer<OutputStream> body) throws IOException {
        return stage(target, temporaryName(target.toAbsolutePath().getParent(), target.getFileName().toString()), body);
    }

    /**
     * Creates an empty temporary file in {@code dir}, for a library that writes to a file, to be
     * {@link #adopt adopted} when complete. Its permissions are those of any new file (the process's
     * umask), which an output renamed from it keeps; {@code Files.createTempFile} would make it
     * readable by its owner only.
     */
    public static Path createTemporary(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        while (true) {
            try {
                return Files.createFile(temporaryName(dir, name));
            } catch (FileAlreadyExistsException taken) {
                // another random name
            }
        }
    }

    private static Path temporaryName(Path dir, String name) {
        return dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    }

    private static Staged stage(Path target, Path temp, IoConsumer<OutputStream> body) throws IOException {
        Files.createDirectories(temp.getParent());
        MessageDigest digest = sha256();
        try (CountingDigestStream out = new CountingDigestStream(
                new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024), digest)) {
            body.accept(out);
            out.flush();
            return new Staged(temp, target, new Written(out.count, HexFormat.of().formatHex(digest.digest())));
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Stages a complete temporary file that was written otherwise (by a library that writes to a
     * file), to be renamed over {@code target} as it is: its size and digest are read from it, and
     * it is not copied. It must be on the target's file system and end in {@value #TEMP_SUFFIX}.
     */
    public static Staged adopt(Path temp, Path target) throws IOException {
        if (!temp.getFileName().toString().endsWith(TEMP_SUFFIX)) {
            throw new IllegalArgumentException("not a temporary file of ours: " + temp);
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        return new Staged(temp, target, new Written(Files.size(temp), sha256(temp)));
    }

    /** Deletes temporary files left in {@code dir} (not recursive) by an interrupted run. */
    public static void sweepTemporaryFiles(Path dir) throws IOException {
        sweepTemporaryFiles(dir, null);
    }

    /**
     * Deletes temporary files in {@code dir} (not recursive) last modified before {@code olderThan}
     * (all of them when null): those of an interrupted earlier run, not those being written now.
     */
    public static void sweepTemporaryFiles(Path dir, FileTime olderThan) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path p : stream) {
                try {
                    if (olderThan == null || Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(olderThan) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (NoSuchFileException gone) {
                    // committed or discarded meanwhile
                }
            }
        }
    }

    /** The hex SHA-256 of a file's content. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (var in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static final class CountingDigestStream extends FilterOutputStream {
        private final MessageDigest digest;
        private long count;

        CountingDigestStream(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }
    }
}
