package dev.pdfvariants.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputGuard;

/**
 * The answers one variant of one document already got, so that a re-run (after a provider
 * failure, a time-out, a crash) sends only the chunks still missing: one file per chunk,
 * {@code OUT/_run/provider/<document>/<variant>/<key>.json}, written atomically the moment the
 * answer arrives. The key is the SHA-256 of everything that decides the answer: the chunk's text,
 * the instructions (which name the target language), the model, temperature, token limit and
 * prompt version. When the variant finishes, answers no longer asked for are deleted.
 */
public final class ChunkStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkStore.class);
    private static final String SUFFIX = ".json";

    private final Path root;
    private final Path dir;

    ChunkStore(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /** The directory of the answers. */
    public Path directory() {
        return dir;
    }

    /** The key of a request's answer. */
    static String key(ChatRequest request, String model, double temperature, int maxTokens, int promptVersion) {
        Map<String, Object> parts = new TreeMap<>();
        parts.put("model", model);
        parts.put("temperature", temperature);
        parts.put("maxTokens", maxTokens);
        parts.put("prompt", promptVersion);
        parts.put("system", request.system());
        parts.put("user", request.user());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Json.compact(parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The answer stored under {@code key}, or null (none, or unreadable: it is asked again). */
    Completion read(String key) {
        Path file = dir.resolve(key + SUFFIX);
        try {
            Completion c = Json.mapper().readValue(Files.readAllBytes(file), Completion.class);
            return c.content() == null ? null : c;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.debug("unreadable stored answer {}; asking again", file, e);
            return null;
        }
    }

    /** Stores an answer, atomically. */
    void write(String key, Completion answer) throws IOException {
        Path file = dir.resolve(key + SUFFIX);
        OutputGuard.requireInside(root, file);
        AtomicFiles.write(file, Json.pretty(answer).getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the stored answers whose key is not in {@code keys} (left by other options or older text). */
    public void keepOnly(Set<String> keys) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!keys.contains(name.substring(0, name.length() - SUFFIX.length()))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot prune stored answers in {}", dir, e);
        }
    }
}
