package dev.pdfvariants.telemetry;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.config.LogFormat;
import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TelemetrySettings.LogSettings;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.OtlpReceiver;
import dev.pdfvariants.testing.Pdfs;
import dev.pdfvariants.testing.Pushgateway;

/** Planted passwords and tokens never reach logs, events, metrics, the manifest or any output. */
class SecretsTest {
    private static final String PDF_PASSWORD = "planted-pdf-pass-7e21";
    private static final String URL_PASSWORD = "planted-url-pass-9c0d";
    private static final String PUSH_TOKEN = "planted-push-token-55ab";
    private static final String OTLP_KEY = "planted-otlp-key-0b3e";
    private static final List<String> SECRETS = List.of(PDF_PASSWORD, URL_PASSWORD, PUSH_TOKEN, OTLP_KEY);

    @TempDir
    Path tmp;

    @AfterEach
    void resetLogging() {
        Logging.configure(LogSettings.defaults(), false, new PrintWriter(System.err, true));
    }

    @Test
    void noPlantedSecretAppearsInLogsEventsMetricsManifestOrOutputs() throws Exception {
        Path in = tmp.resolve("in");
        Pdfs.encrypted(in.resolve("locked.pdf"), "Quarterly figures, confidential.", PDF_PASSWORD);
        Pdfs.simple(in.resolve("open.pdf"), "An ordinary page.");
        Files.write(in.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII));
        int deadPort = Pushgateway.freePort();
        Path tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, PUSH_TOKEN + "\n");

        try (OtlpReceiver collector = new OtlpReceiver()) {
            Path out1 = tmp.resolve("out1");
            Cli.Result basic = cli().env("PDFVARIANTS_PASSWORD", PDF_PASSWORD)
                    .env("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20" + OTLP_KEY)
                    .run("run", in.toString(), "-o", out1.toString(), "--json", "--verbose", "--log-level", "trace",
                            "--log-format", "json", "--events", tmp.resolve("events1.ndjson").toString(),
                            "--metrics-file", tmp.resolve("metrics1.prom").toString(),
                            "--pushgateway", "http://pdfuser:" + URL_PASSWORD + "@127.0.0.1:" + deadPort,
                            "--tracing", "--otlp-endpoint", collector.url());
            Path out2 = tmp.resolve("out2");
            Cli.Result bearer = cli().env("PDFVARIANTS_PASSWORD", PDF_PASSWORD)
                    .run("run", in.toString(), "-o", out2.toString(), "--verbose", "--log-level", "trace",
                            "--events", "-", "--log-file", tmp.resolve("run.log").toString(),
                            "--pushgateway", "http://127.0.0.1:" + deadPort, "--pushgateway-token-file",
                            tokenFile.toString());

            assertThat(basic.exitCode()).as(basic.toString()).isEqualTo(1);
            assertThat(bearer.exitCode()).as(bearer.toString()).isEqualTo(1);
            assertThat(Files.readString(out1.resolve("locked/text.txt"))).contains("Quarterly figures");
            assertThat(basic.err()).as("the runs did log").contains("cannot push metrics").contains("DEBUG");
            assertThat(collector.spans()).isNotEmpty();

            for (String secret : SECRETS) {
                for (Cli.Result r : List.of(basic, bearer)) {
                    assertThat(r.out()).doesNotContain(secret);
                    assertThat(r.err()).doesNotContain(secret);
                }
                for (Path dir : List.of(tmp.resolve("out1"), tmp.resolve("out2"))) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                                    .as(file.toString()).doesNotContain(secret);
                        }
                    }
                }
                for (String name : List.of("events1.ndjson", "metrics1.prom", "run.log")) {
                    assertThat(Files.readString(tmp.resolve(name))).as(name).doesNotContain(secret);
                }
                for (var span : collector.spans()) {
                    assertThat(span.span().toString()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void aRegisteredSecretIsMaskedEvenWhenALibraryQuotesIt() throws IOException {
        StringWriter err = new StringWriter();
        Logging.configure(new LogSettings(LogFormat.TEXT, "info", null, false), false, new PrintWriter(err, true));
        Redaction.register(Secret.of("planted-quoted-7781", "test"));
        LoggerFactory.getLogger("com.example.client").warn("request to http://u:planted-quoted-7781@host failed",
                new IOException("auth planted-quoted-7781 rejected"));
        assertThat(err.toString()).contains("http://u:****@host").contains("auth **** rejected")
                .doesNotContain("planted-quoted-7781");
    }
}
