package dev.pdfvariants.discover;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

import dev.pdfvariants.error.PdfVariantsException;

/**
 * Which files a directory walk takes. A file must end in {@code .pdf} (any case), match one of the
 * include globs when there are any, and match no exclude glob; a directory matching an exclude
 * glob is not entered. A glob without {@code /} is matched against the file or directory name
 * ({@code --exclude 'draft*'}); one with {@code /} against the path relative to the input root
 * ({@code --include 'reports/2024/**'}).
 */
public final class PathFilter {
    private final List<Glob> includes;
    private final List<Glob> excludes;

    public PathFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(g -> Glob.of(g, "--include")).toList();
        this.excludes = excludes.stream().map(g -> Glob.of(g, "--exclude")).toList();
    }

    public static PathFilter acceptAll() {
        return new PathFilter(List.of(), List.of());
    }

    /** Whether a walked file is taken. */
    public boolean acceptsFile(String relativePath) {
        if (!relativePath.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return false;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(g -> g.matches(relativePath))) {
            return false;
        }
        return excludes.stream().noneMatch(g -> g.matches(relativePath));
    }

    /** Whether a walk enters a directory. */
    public boolean entersDirectory(String relativePath) {
        return excludes.stream().noneMatch(g -> g.matches(relativePath));
    }

    private record Glob(String pattern, PathMatcher matcher, boolean byName) {
        static Glob of(String pattern, String option) {
            String p = pattern.strip();
            if (p.isEmpty()) {
                throw PdfVariantsException.usage(option + " needs a glob, got an empty one", "Example: " + option + " '*.pdf'");
            }
            try {
                boolean byName = !p.contains("/");
                return new Glob(p, FileSystems.getDefault().getPathMatcher("glob:" + p), byName);
            } catch (PatternSyntaxException e) {
                throw PdfVariantsException.usage(option + " '" + p + "' is not a valid glob: " + e.getDescription(),
                        "Use * for any characters within a name, ** across directories, ? for one character.");
            }
        }

        boolean matches(String relativePath) {
            if (byName) {
                int slash = relativePath.lastIndexOf('/');
                return matcher.matches(Path.of(relativePath.substring(slash + 1)));
            }
            return matcher.matches(Path.of(relativePath));
        }
    }
}
