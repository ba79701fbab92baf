package dev.pdfvariants.event;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.pdfvariants.json.Json;

/**
 * {@code --events FILE|-}: every event as one JSON object a line (NDJSON), for pipelines and
 * hooks ({@code jq}, log shippers). Each line has {@code type}, {@code time}, {@code batch},
 * {@code shard}, {@code path} (for document events), then the event's own fields. Lines are
 * flushed as they are written, so a consumer reading the stream follows the batch live.
 * <p>
 * A write error (disk full, closed pipe) is logged once and ends the stream; the batch goes on.
 */
public final class NdjsonSink implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(NdjsonSink.class);

    private final Writer out;
    private final boolean ownsWriter;
    private final String shard;
    private final Clock clock;
    private final String name;
    private String batchId;
    private boolean broken;

    private NdjsonSink(Writer out, boolean ownsWriter, String shard, Clock clock, String name) {
        this.out = out;
        this.ownsWriter = ownsWriter;
        this.shard = shard;
        this.clock = clock;
        this.name = name;
    }

    /** Events appended to {@code file} (created with its directories if missing). */
    public static NdjsonSink toFile(Path file, String shard, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new NdjsonSink(writer, true, shard, clock, file.toString());
    }

    /** Events on a stream the caller owns (stdout): flushed, never closed. */
    public static NdjsonSink toStream(Writer out, String shard, Clock clock) {
        return new NdjsonSink(out, false, shard, clock, "stdout");
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.BatchStarted e) {
            batchId = e.batchId();
        }
        if (broken) {
            return;
        }
        try {
            out.write(line(event));
            out.write('\n');
            out.flush();
        } catch (IOException | RuntimeException e) {
            broken = true;
            LOG.warn("cannot write events to {}: {}; no further events are written", name, e.getMessage());
        }
    }

    /** The NDJSON line of one event (without the newline). */
    String line(Event event) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("type", event.type());
        line.put("time", clock.instant().toString());
        line.put("batch", batchId);
        line.put("shard", shard);
        if (event.path() != null) {
            line.put("path", event.path());
        }
        JsonNode fields = Json.mapper().valueToTree(event);
        fields.properties().forEach(f -> {
            if (!line.has(f.getKey())) {
                line.set(f.getKey(), f.getValue());
            }
        });
        return Json.compact(line);
    }

    @Override
    public void close() {
        try {
            if (ownsWriter) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("closing the events stream failed", e);
        }
    }
}
