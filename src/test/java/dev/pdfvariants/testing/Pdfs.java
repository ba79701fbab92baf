package dev.pdfvariants.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;

/** Small helpers for tests: fixtures on disk, manifests, file trees. */
public final class Pdfs {
    private Pdfs() {
    }

    /** A one-paragraph PDF saying {@code text}. */
    public static Path simple(Path file, String text) throws IOException {
        PdfFixture.create().paragraph(text).write(file);
        return file;
    }

    /** One simple PDF per name in {@code dir}, each saying "Document NAME."; returns {@code dir}. */
    public static Path documents(Path dir, String... names) throws IOException {
        for (String name : names) {
            simple(dir.resolve(name), "Document " + name + ".");
        }
        return dir;
    }

    /** Why a manifest entry failed: its own error, else its first failed variant's; null if none. */
    public static JsonNode firstError(JsonNode document) {
        if (document.has("error")) {
            return document.get("error");
        }
        for (JsonNode v : document.get("variants")) {
            if (v.has("error")) {
                return v.get("error");
            }
        }
        return null;
    }

    /** A copy of a simple PDF encrypted with AES-256 and the given user password. */
    public static Path encrypted(Path file, String text, String userPassword) throws IOException {
        try (PDDocument doc = Loader.loadPDF(PdfFixture.create().paragraph(text).bytes())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            Files.createDirectories(file.toAbsolutePath().getParent());
            doc.save(file.toFile());
        }
        return file;
    }

    public static JsonNode manifest(Path out) throws IOException {
        return Json.mapper().readTree(out.resolve("_run/manifest.json").toFile());
    }

    /** The manifest's entry for one document, by relative path. */
    public static JsonNode document(JsonNode manifest, String path) {
        for (JsonNode d : manifest.get("documents")) {
            if (d.get("path").asText().equals(path)) {
                return d;
            }
        }
        throw new AssertionError("no manifest entry for " + path + " in " + manifest);
    }

    /** Every regular file under {@code dir}, by relative path, with its content. */
    public static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
