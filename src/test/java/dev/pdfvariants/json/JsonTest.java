package dev.pdfvariants.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one JSON format: the streamed form is the same bytes as the string form. */
class JsonTest {
    record Item(String path, long bytes, Instant at, Map<String, Object> extra) {
    }

    @Test
    void streamedPrettyJsonIsTheSameBytesAsThePrettyString() throws IOException {
        Object value = Map.of("documents", List.of(
                new Item("lang/zh/维护者手册.pdf", 123, Instant.parse("2026-11-29T10:00:00Z"), Map.of("b", 2, "a", "ü\u2028\"")),
                new Item("a.pdf", 0, Instant.EPOCH, Map.of())), "tool", "pdfvariants");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Json.pretty(value, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Json.pretty(value)).endsWith("}\n")
                .contains("\"a\": \"ü");
    }
}
