package dev.pdfvariants.discover;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One PDF found by discovery.
 *
 * @param path         where to read it from
 * @param relativePath its path relative to the input root, with {@code /} separators: the key of
 *                     the document in the manifest, the output layout, events and sharding
 */
public record SourceFile(Path path, String relativePath) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        // a backslash is a separator on Windows only: elsewhere it is an ordinary character of a name
        if (relativePath.isEmpty() || relativePath.startsWith("/")
                || (java.io.File.separatorChar == '\\' && relativePath.contains("\\"))) {
            throw new IllegalArgumentException("not a normalized relative path: " + relativePath);
        }
        for (String segment : relativePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a normalized relative path: " + relativePath);
            }
        }
    }
}
