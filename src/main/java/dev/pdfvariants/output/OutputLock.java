package dev.pdfvariants.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.pdfvariants.config.Shard;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.json.Json;

/**
 * One run at a time per output directory (and shard): {@code OUT/_run/lock} (or
 * {@code lock-K-of-N} for a shard, as shards of one batch share the output). The run holds an
 * operating-system lock on the file for its whole duration and writes its holder into it (pid,
 * host, start time). A second run finds the lock taken and exits at once with code 4 and a
 * message naming the holder. The operating system releases the lock when the holder dies, even by
 * {@code kill -9}: a run that finds the file filled in but the lock free takes it over, saying so.
 * The file is never deleted (deleting it would let two runs lock two different files); a clean
 * release empties it.
 */
public final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    /** Who holds (or last held) a lock. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Holder(long pid, String host, Instant startedAt, String shard) {
        String describe() {
            return "pid " + pid + " on " + host + ", started " + startedAt;
        }
    }

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a shard in a run directory. */
    public static Path file(Path runDir, Shard shard) {
        return runDir.resolve(shard.isWhole() ? "lock" : "lock-" + shard.label());
    }

    /**
     * Takes the lock or fails with exit code 4 naming the holder. {@code notices} hears about a
     * stale lock taken over.
     */
    public static OutputLock acquire(OutputLayout layout, Shard shard, Instant now, Consumer<String> notices) {
        Path file = file(layout.runDir(), shard);
        FileChannel channel = null;
        try {
            OutputGuard.requireInside(layout.root(), file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            boolean locked;
            try {
                lock = channel.tryLock();
                locked = lock != null;
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this same JVM
                locked = false;
            } catch (IOException e) {
                // a file system without locks (some network mounts): go on unguarded, but say so
                notices.accept("the output directory's file system does not support locks (" + e.getMessage()
                        + "); make sure no other run writes to " + layout.root());
                lock = null;
                locked = true;
            }
            if (!locked) {
                Holder holder = read(channel);
                channel.close();
                throw PdfVariantsException.outputNotWritable("output directory " + layout.root()
                        + " is in use by another run" + (holder != null ? " (" + holder.describe() + ")" : ""),
                        "Wait for that run to finish, or write to another -o directory. The lock is "
                                + file + "; it is released when that process ends, even if it is killed.", null);
            }
            Holder previous = read(channel);
            if (previous != null) {
                notices.accept("taking over the lock of a run that ended without releasing it (" + previous.describe()
                        + "); its finished documents are kept");
            }
            Holder me = new Holder(ProcessHandle.current().pid(), hostName(), now, shard.label());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((Json.compact(me) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new OutputLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw PdfVariantsException.outputNotWritable("cannot lock the output directory " + layout.root() + " ("
                    + file + "): " + e.getMessage(), "Check that the output directory is writable.", e);
        }
    }

    /** Who holds the lock on {@code file}, as written in it, or null. */
    public static Holder holder(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (IOException e) {
            return null;
        }
    }

    private static Holder read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        if (size == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        try {
            return text.isEmpty() ? null : Json.mapper().readValue(text, Holder.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Empties the file and releases the lock. Idempotent. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
