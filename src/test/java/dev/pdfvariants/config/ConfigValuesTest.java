package dev.pdfvariants.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValuesTest {
    @TempDir
    Path tmp;

    @Test
    void durationsReadHumanAndIsoForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void sizesReadBinaryMultiples() {
        assertThat(Sizes.parse("1024")).isEqualTo(1024);
        assertThat(Sizes.parse("64k")).isEqualTo(65536);
        assertThat(Sizes.parse("200MB")).isEqualTo(200L << 20);
        assertThat(Sizes.parse("2GiB")).isEqualTo(2L << 30);
        assertThat(Sizes.human(1536)).isEqualTo("1.5 KiB");
        assertThatThrownBy(() -> Sizes.parse("big")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsNeverShowTheirValue() throws IOException {
        Path file = tmp.resolve("pw");
        Files.writeString(file, "hunter2\r\nignored second line\n");
        Secret fromFile = Secret.fromFile(file, "--password-file");
        assertThat(fromFile.reveal()).isEqualTo("hunter2");
        assertThat(fromFile.toString()).isEqualTo("****").doesNotContain("hunter2");
        assertThat(fromFile.origin()).contains("--password-file");

        Secret fromEnv = Secret.resolve(null, "--password-file", Map.of("PW", "abc"), "PW");
        assertThat(fromEnv.reveal()).isEqualTo("abc");
        assertThat(String.valueOf(fromEnv)).doesNotContain("abc");
        assertThat(Secret.resolve(null, "--password-file", Map.of(), "PW")).isNull();
    }
}
