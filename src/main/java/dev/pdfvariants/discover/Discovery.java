package dev.pdfvariants.discover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * Finds the PDFs to process, lazily and in a deterministic order, so that a tree of a million
 * files is never held in memory at once and two runs list the same files in the same order.
 * <ul>
 * <li>A directory is walked recursively, entries sorted by name at each level. Its PDFs' relative
 * paths are relative to it. Symbolic links inside the tree are not followed: what they point
 * at is reached under its own path, so every document has one canonical relative path and a link
 * loop cannot trap the walk; a link out of the tree is skipped with a warning. The input itself
 * may be a link. The output directory is never walked.</li>
 * <li>A file named on the command line, or listed on stdin ({@code -}), is always taken,
 * whatever its extension; its relative path is its path relative to the current directory when
 * it lies under it, else its file name.</li>
 * <li>A file reached twice (through two inputs) is taken once.</li>
 * </ul>
 */
public final class Discovery implements Iterable<SourceFile> {
    public static final String STDIN = "-";

    private final List<String> inputs;
    private final boolean nullSeparated;
    private final PathFilter filter;
    private final InputStream stdin;
    private final Path workingDirectory;
    private final Path excludedDirectory;
    private final Consumer<String> warnings;

    /**
     * @param inputs            directories, files, or {@value #STDIN}
     * @param nullSeparated     the stdin list is NUL-separated instead of line-separated
     * @param filter            which walked files to take
     * @param stdin             where {@value #STDIN} reads from
     * @param workingDirectory  the directory relative names resolve against
     * @param excludedDirectory a directory never walked (the output directory), or null
     * @param warnings          receives one human line per skipped entry
     */
    public Discovery(List<String> inputs, boolean nullSeparated, PathFilter filter, InputStream stdin,
            Path workingDirectory, Path excludedDirectory, Consumer<String> warnings) {
        this.inputs = List.copyOf(inputs);
        this.nullSeparated = nullSeparated;
        this.filter = filter;
        this.stdin = stdin;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.excludedDirectory = realOrNull(excludedDirectory);
        this.warnings = warnings;
    }

    /**
     * Checks every named input before any work starts, so that a typo fails in a second rather
     * than after hours: missing or unreadable inputs exit with code 3.
     */
    public void validate() {
        long stdinCount = inputs.stream().filter(STDIN::equals).count();
        if (stdinCount > 1) {
            throw PdfVariantsException.usage("'-' (read paths from stdin) is given more than once", "Pass '-' once.");
        }
        for (String input : inputs) {
            if (input.equals(STDIN)) {
                continue;
            }
            Path path = resolve(input);
            if (path == null || !Files.exists(path)) {
                throw PdfVariantsException.inputNotFound("input not found: " + input,
                        "Check the path (it is resolved against " + workingDirectory + ").");
            }
            if (!Files.isReadable(path)) {
                throw PdfVariantsException.inputNotFound("input not readable: " + input + " (permission denied)",
                        "Fix its permissions, or run as a user who can read it.");
            }
        }
    }

    @Override
    public Iterator<SourceFile> iterator() {
        return new SourceIterator();
    }

    private Path resolve(String input) {
        try {
            return workingDirectory.resolve(input).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path realOrNull(Path p) {
        if (p == null) {
            return null;
        }
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private String relativeToWorkingDirectory(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(workingDirectory) && !abs.equals(workingDirectory)) {
            return toSlashes(workingDirectory.relativize(abs));
        }
        return abs.getFileName().toString();
    }

    private static String toSlashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** Chains the inputs; each directory input is walked depth-first with sorted entries. */
    private final class SourceIterator extends Lookahead<SourceFile> {
        private final Iterator<String> pendingInputs = inputs.iterator();
        private final Set<Path> seenFiles = new HashSet<>();
        private Iterator<SourceFile> current = Collections.emptyIterator();

        @Override
        protected SourceFile advance() {
            while (true) {
                if (current.hasNext()) {
                    SourceFile candidate = current.next();
                    if (seenFiles.add(realOrNull(candidate.path()))) {
                        return candidate;
                    }
                } else if (pendingInputs.hasNext()) {
                    current = open(pendingInputs.next());
                } else {
                    return null;
                }
            }
        }

        private Iterator<SourceFile> open(String input) {
            if (input.equals(STDIN)) {
                return new StdinIterator();
            }
            Path path = resolve(input);
            if (path != null && Files.isDirectory(path)) {
                return new Walk(path);
            }
            if (path == null) {
                warnings.accept("skipping '" + input + "': not a valid path");
                return Collections.emptyIterator();
            }
            return List.of(new SourceFile(path, relativeToWorkingDirectory(path))).iterator();
        }
    }

    /** Paths listed on stdin, one per line (or NUL-separated); directories among them are walked. */
    private final class StdinIterator extends Lookahead<SourceFile> {
        private final BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        private Iterator<SourceFile> walk = Collections.emptyIterator();

        @Override
        protected SourceFile advance() {
            while (true) {
                if (walk.hasNext()) {
                    return walk.next();
                }
                String entry = readEntry();
                if (entry == null) {
                    return null;
                }
                if (entry.isBlank()) {
                    continue;
                }
                Path path = resolve(entry);
                if (path == null) {
                    warnings.accept("skipping '" + entry + "' from stdin: not a valid path");
                } else if (Files.isDirectory(path)) {
                    walk = new Walk(path);
                } else {
                    // a missing file is passed on: it is recorded as a failed document
                    return new SourceFile(path, relativeToWorkingDirectory(path));
                }
            }
        }

        private String readEntry() {
            try {
                if (!nullSeparated) {
                    String line = reader.readLine();
                    return line == null ? null : line.strip();
                }
                StringBuilder sb = new StringBuilder();
                int c;
                while ((c = reader.read()) >= 0 && c != 0) {
                    sb.append((char) c);
                }
                return c < 0 && sb.length() == 0 ? null : sb.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the list of paths from stdin", e);
            }
        }
    }

    /** A depth-first walk of one directory with entries sorted by name. */
    private final class Walk extends Lookahead<SourceFile> {
        private final Path root;
        private final Path realRoot;
        private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
        private final Set<Path> visitedDirectories = new HashSet<>();

        Walk(Path root) {
            this.root = root;
            this.realRoot = realOrNull(root);
            visitedDirectories.add(realRoot);
            enter(root);
        }

        @Override
        protected SourceFile advance() {
            while (!stack.isEmpty()) {
                Iterator<Path> level = stack.peek();
                if (!level.hasNext()) {
                    stack.pop();
                    continue;
                }
                SourceFile found = visit(level.next());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** Enters a directory, or returns a file the walk takes; null for everything else. */
        private SourceFile visit(Path entry) {
            String relative = toSlashes(root.relativize(entry));
            BasicFileAttributes attributes;
            try { // one look at the entry, not one per question (a link, a directory, a file)
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return null; // gone since the listing
            }
            if (attributes.isSymbolicLink()) {
                if (!Files.exists(entry)) {
                    warnings.accept("skipping " + entry + ": broken symbolic link");
                } else if (!realOrNull(entry).startsWith(realRoot)) {
                    warnings.accept("skipping " + entry + ": symbolic link to " + realOrNull(entry)
                            + ", outside the input directory " + root);
                }
                // a link inside the tree points at something the walk reaches under its own path
                return null;
            }
            if (attributes.isDirectory()) {
                Path realDir = realOrNull(entry);
                if (!realDir.equals(excludedDirectory) && filter.entersDirectory(relative)
                        && visitedDirectories.add(realDir)) {
                    enter(entry);
                }
                return null;
            }
            return attributes.isRegularFile() && filter.acceptsFile(relative) ? new SourceFile(entry, relative) : null;
        }

        /**
         * Lists a directory's entries, sorted by name, as names (a directory of a million PDFs is a
         * million short strings, not paths, and sorting compares them without making any); their
         * paths are made one at a time as the walk reaches them.
         */
        private void enter(Path dir) {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path child : stream) {
                    names.add(child.getFileName().toString());
                }
            } catch (IOException e) {
                warnings.accept("skipping directory " + dir + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? " " + e.getMessage() : ""));
                return;
            }
            names.sort(null);
            Iterator<String> next = names.iterator();
            stack.push(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return next.hasNext();
                }

                @Override
                public Path next() {
                    return dir.resolve(next.next());
                }
            });
        }
    }

}
