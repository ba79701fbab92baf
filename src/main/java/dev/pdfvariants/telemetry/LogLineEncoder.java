package dev.pdfvariants.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.event.KeyValuePair;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.pdfvariants.config.LogFormat;

/**
 * One log event to one line, as text for people or as a flat JSON object for collectors. Every
 * line carries the context fields from the MDC ({@code batch}, {@code document}, {@code variant},
 * {@code trace_id}, {@code span_id}); known secrets are masked by {@link Redaction} whatever a
 * message or exception says.
 * <p>
 * JSON fields: {@code time} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread},
 * {@code message}, the MDC fields, the event's key-value pairs, and {@code error} ({@code type},
 * {@code message}, {@code stack}) when an exception was logged.
 */
final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    /** The context fields, in the order the text format prints them. */
    static final List<String> CONTEXT_FIELDS = List.of("batch", "shard", "document", "variant", "trace_id", "span_id");

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final LogFormat format;

    LogLineEncoder(LogFormat format) {
        this.format = format;
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = format == LogFormat.JSON ? json(event) : text(event);
        return (Redaction.apply(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(CLOCK.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
        String level = event.getLevel().toString();
        sb.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        sb.append(shortName(event.getLoggerName())).append(" - ").append(event.getFormattedMessage());
        Map<String, String> fields = fields(event);
        if (!fields.isEmpty()) {
            sb.append(" [");
            boolean first = true;
            for (Map.Entry<String, String> e : fields.entrySet()) {
                sb.append(first ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
                first = false;
            }
            sb.append(']');
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            sb.append('\n').append(ThrowableProxyUtil.asString(error).stripTrailing());
        }
        return sb.toString();
    }

    private static String json(ILoggingEvent event) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            for (Map.Entry<String, String> e : fields(event).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                g.writeObjectFieldStart("error");
                g.writeStringField("type", error.getClassName());
                g.writeStringField("message", error.getMessage());
                g.writeStringField("stack", ThrowableProxyUtil.asString(error));
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The context fields first in their fixed order, then other MDC entries and key-value pairs, sorted. */
    private static Map<String, String> fields(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String key : CONTEXT_FIELDS) {
            String v = mdc.get(key);
            if (v != null && !v.isEmpty()) {
                fields.put(key, v);
            }
        }
        Map<String, String> others = new TreeMap<>();
        mdc.forEach((k, v) -> {
            if (!CONTEXT_FIELDS.contains(k) && v != null && !v.isEmpty()) {
                others.put(k, v);
            }
        });
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                others.put(p.key, String.valueOf(p.value));
            }
        }
        fields.putAll(others);
        return fields;
    }

    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot >= 0 ? logger.substring(dot + 1) : logger;
    }
}
