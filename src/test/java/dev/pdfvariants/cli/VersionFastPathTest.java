package dev.pdfvariants.cli;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VersionFastPathTest {
    private static String fast(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean handled = VersionProvider.printIfAlone(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return handled ? bytes.toString(StandardCharsets.UTF_8) : null;
    }

    @Test
    void theFastVersionPrintsExactlyWhatTheFullCommandLinePrints() {
        String full = cli().run("--version").out();
        assertThat(full).startsWith("pdfvariants ");
        assertThat(fast("--version")).isEqualTo(full);
        assertThat(fast("-V")).isEqualTo(full);
    }

    @Test
    void anythingElseTakesTheFullPath() {
        assertThat(fast("run", "--version")).isNull();
        assertThat(fast("--version", "--help")).isNull();
        assertThat(fast()).isNull();
    }
}
