package dev.pdfvariants.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.output.OutputLayout;

/**
 * Finds the manifests to merge: for an output directory, every {@code _run/manifest.json} and
 * {@code _run/manifest-K-of-N.json} in it (shards that shared one output volume); a {@code _run}
 * directory or a manifest file may be named directly. The same file reached twice is read once.
 */
final class ManifestFinder {
    private ManifestFinder() {
    }

    static List<Path> find(List<Path> locations) {
        Map<Path, Path> found = new LinkedHashMap<>();
        for (Path location : locations) {
            List<Path> here = inLocation(location);
            if (here.isEmpty()) {
                throw PdfVariantsException.inputNotFound("no manifest in " + location + " (looked for "
                        + location.resolve(OutputLayout.RUN_DIR).resolve("manifest*.json") + ")",
                        "Pass the output directories of the runs (pdfvariants run -o DIR), or the manifest files.");
            }
            for (Path p : here) {
                found.putIfAbsent(realPath(p), p);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static List<Path> inLocation(Path location) {
        if (Files.isRegularFile(location)) {
            return List.of(location);
        }
        if (!Files.isDirectory(location)) {
            throw PdfVariantsException.inputNotFound(location + " does not exist",
                    "Pass the output directories of the runs (pdfvariants run -o DIR), or the manifest files.");
        }
        Path runDir = location.resolve(OutputLayout.RUN_DIR);
        List<Path> manifests = manifestsIn(Files.isDirectory(runDir) ? runDir : location);
        return manifests;
    }

    private static List<Path> manifestsIn(Path dir) {
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "manifest*.json")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.equals("manifest.json") || name.matches("manifest-\\d+-of-\\d+\\.json"))) {
                    result.add(p);
                }
            }
        } catch (IOException e) {
            throw PdfVariantsException.inputNotFound("cannot list " + dir + ": " + e.getMessage(),
                    "Check that the directory is readable.");
        }
        result.sort(null);
        return result;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
