package dev.pdfvariants.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.json.Json;

/**
 * What the report needs from one run's manifest ({@code manifest.json} or
 * {@code manifest-K-of-N.json}), read leniently: fields added later are ignored, and a manifest
 * without a {@code shard} block is placed by its file name (else it is a whole batch).
 */
record ShardManifest(Path file, int index, int count, String batchId, String host, String environment,
        Instant startedAt, Instant finishedAt, long durationMs, List<String> variants, Counts counts, int exitCode,
        String stopReason, List<Document> documents) {

    private static final Pattern SHARD_FILE = Pattern.compile("manifest-(\\d+)-of-(\\d+)\\.json");

    String label() {
        return index + "-of-" + count;
    }

    record Counts(int discovered, int succeeded, int failed, int skipped) {
        Counts plus(Counts o) {
            return new Counts(discovered + o.discovered, succeeded + o.succeeded, failed + o.failed, skipped + o.skipped);
        }
    }

    /** One document's outcome: enough to count it and to name its failure. */
    record Document(String path, String status, String errorKind, String errorMessage) {
    }

    static ShardManifest read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw PdfVariantsException.inputNotFound("cannot read manifest " + file + ": " + e.getMessage(),
                    "Pass the output directories of the runs (their _run/manifest*.json), or the manifest files.");
        }
        if (root == null || !root.isObject() || !root.has("documents") || !root.has("counts")) {
            throw PdfVariantsException.inputNotFound(file + " is not a pdfvariants manifest",
                    "Pass the output directories of the runs (their _run/manifest*.json), or the manifest files.");
        }
        int index = 0;
        int count = 1;
        JsonNode shard = root.get("shard");
        Matcher m = SHARD_FILE.matcher(file.getFileName().toString());
        if (shard != null && shard.has("count")) {
            index = shard.path("index").asInt();
            count = shard.path("count").asInt();
        } else if (m.matches()) {
            index = Integer.parseInt(m.group(1));
            count = Integer.parseInt(m.group(2));
        }
        JsonNode run = root.path("run");
        JsonNode c = root.path("counts");
        List<String> variants = new ArrayList<>();
        root.path("variants").forEach(v -> variants.add(v.asText()));
        List<Document> documents = new ArrayList<>();
        for (JsonNode d : root.get("documents")) {
            JsonNode error = firstError(d);
            documents.add(new Document(d.path("path").asText(), d.path("status").asText(),
                    error == null ? null : error.path("kind").asText(null),
                    error == null ? null : error.path("message").asText(null)));
        }
        return new ShardManifest(file, index, count, run.path("batchId").asText(null), run.path("host").asText(null),
                root.path("environment").asText(null), instant(run.path("startedAt")), instant(run.path("finishedAt")),
                run.path("durationMs").asLong(), variants,
                new Counts(c.path("discovered").asInt(), c.path("succeeded").asInt(), c.path("failed").asInt(),
                        c.path("skipped").asInt()),
                root.path("exitCode").asInt(), root.path("stopReason").asText(null), documents);
    }

    private static JsonNode firstError(JsonNode document) {
        if (document.hasNonNull("error")) {
            return document.get("error");
        }
        for (JsonNode v : document.path("variants")) {
            if (v.hasNonNull("error")) {
                return v.get("error");
            }
        }
        return null;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
