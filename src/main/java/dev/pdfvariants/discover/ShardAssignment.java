package dev.pdfvariants.discover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Iterator;

import dev.pdfvariants.config.Shard;
import dev.pdfvariants.output.OutputLayout;

/**
 * Which shard owns a document: a pure function of the document's key, so that N runs on N
 * machines cover every document exactly once whatever order their file systems list files in,
 * whatever their JVM, locale or default charset.
 * <p>
 * The key is the relative path without its {@code .pdf} extension ({@link OutputLayout#documentKey}),
 * in Unicode NFC, encoded in UTF-8; its SHA-256's first 8 bytes, read as an unsigned big-endian
 * number, modulo N give the shard. Two inputs that would share an output directory therefore
 * land in the same shard, where the second fails as {@code output-collision} exactly as in a
 * whole run. Changing this function changes which shard owns what: never change it silently.
 */
public final class ShardAssignment {
    private ShardAssignment() {
    }

    /** The 0-based shard of {@code relativePath} among {@code count} shards. */
    public static int shardOf(String relativePath, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (count == 1) {
            return 0;
        }
        String key = Normalizer.normalize(OutputLayout.documentKey(relativePath), Normalizer.Form.NFC);
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(h, count);
    }

    public static boolean owns(Shard shard, String relativePath) {
        return shardOf(relativePath, shard.count()) == shard.index();
    }

    /** The documents of {@code all} that belong to {@code shard}, lazily, in the same order. */
    public static Iterator<SourceFile> filter(Iterator<SourceFile> all, Shard shard) {
        if (shard.isWhole()) {
            return all;
        }
        return new Lookahead<>() {
            @Override
            protected SourceFile advance() {
                while (all.hasNext()) {
                    SourceFile candidate = all.next();
                    if (owns(shard, candidate.relativePath())) {
                        return candidate;
                    }
                }
                return null;
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
