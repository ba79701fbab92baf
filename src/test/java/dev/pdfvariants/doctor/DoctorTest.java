package dev.pdfvariants.doctor;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.OtlpReceiver;
import dev.pdfvariants.testing.Pushgateway;

/** {@code pdfvariants doctor} against real endpoints, live and dead. */
class DoctorTest {

    @TempDir
    Path tmp;

    @Test
    void everyCheckPassesWhenTheSetUpIsRight() throws Exception {
        assumeTrue(LocalChecks.fonts().outcome() == CheckResult.Outcome.OK, "this machine has no fonts for the JVM");
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw")); OtlpReceiver collector = new OtlpReceiver()) {
            Cli.Result r = cli().env("PUSHGATEWAY_URL", gateway.url()).env("ENABLE_TRACING", "true")
                    .env("OTLP_ENDPOINT", collector.url())
                    .run("doctor", "-o", tmp.resolve("out").toString(), "-j", "2");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().lines().toList()).hasSize(6)
                    .anySatisfy(l -> assertThat(l).startsWith("ok    output").contains("can be created in " + tmp))
                    .anySatisfy(l -> assertThat(l).startsWith("ok    pushgateway").contains(gateway.url()))
                    .anySatisfy(l -> assertThat(l).startsWith("ok    otlp").contains(collector.url() + "/v1/traces"))
                    .anySatisfy(l -> assertThat(l).startsWith("ok    heap").contains("for 2 workers"))
                    .anySatisfy(l -> assertThat(l).startsWith("ok    fonts"))
                    .anySatisfy(l -> assertThat(l).startsWith("skip  provider"));
            assertThat(collector.requests()).as("the probe was a real, empty export").hasSize(1);
            assertThat(tmp.resolve("out")).as("the doctor creates nothing").doesNotExist();
        }
    }

    @Test
    void deadEndpointsAndAnUnwritableOutputFailWithTheirRemedy() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        int dead = Pushgateway.freePort();
        Cli.Result r = cli().run("doctor", "-o", file.resolve("out").toString(), "--pushgateway",
                "http://127.0.0.1:" + dead, "--tracing", "--otlp-endpoint", "http://127.0.0.1:" + dead,
                "--push-timeout", "2s");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("FAIL  output       " + file + " is not a directory - choose another -o directory")
                .contains("FAIL  pushgateway  http://127.0.0.1:" + dead + " is not reachable: connection refused - "
                        + "start it, or fix --pushgateway / PUSHGATEWAY_URL")
                .contains("FAIL  otlp         http://127.0.0.1:" + dead + "/v1/traces is not reachable: connection refused");
        assertThat(r.err()).contains("3 of 6 checks failed");
    }

    @Test
    void aGatewayBehindBasicAuthRefusesAWrongPasswordAndAcceptsTheRightOne() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(tmp.resolve("gw"), Pushgateway.TEST_USER, Pushgateway.TEST_PASSWORD,
                Pushgateway.TEST_PASSWORD_BCRYPT)) {
            Cli.Result wrong = cli().env("PDFVARIANTS_PUSHGATEWAY_PASSWORD", "guess-0000")
                    .run("doctor", "--pushgateway", gateway.url(), "--pushgateway-user", Pushgateway.TEST_USER);
            assertThat(wrong.out()).contains("FAIL  pushgateway  " + gateway.url() + " refused the credentials (HTTP 401)");
            assertThat(wrong.exitCode()).isEqualTo(2);

            Cli.Result right = cli().env("PDFVARIANTS_PUSHGATEWAY_PASSWORD", Pushgateway.TEST_PASSWORD)
                    .run("doctor", "--pushgateway", gateway.url(), "--pushgateway-user", Pushgateway.TEST_USER);
            assertThat(right.out()).contains("ok    pushgateway  " + gateway.url() + " answers (HTTP 200)")
                    .doesNotContain(Pushgateway.TEST_PASSWORD);
        }
    }

    @Test
    void aGrpcCollectorIsCheckedByConnectingToIt() throws Exception {
        try (OtlpReceiver collector = OtlpReceiver.grpc()) {
            Cli.Result r = cli().run("doctor", "--tracing", "--otlp-protocol", "grpc", "--otlp-endpoint", collector.url());
            assertThat(r.out()).contains("ok    otlp         " + collector.url() + " (grpc) accepts connections");
        }
    }

    @Test
    void theProviderIsAskedForItsModelsWithTheKey() throws Exception {
        HttpServer provider = modelsServer("sk-test-1234", "{\"data\":[]}");
        try {
            String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1";
            assertThat(cli().env("OPENAI_API_KEY", "sk-test-1234").run("doctor", "--provider-url", url).out())
                    .contains("ok    provider     " + url + " answers (HTTP 200)");
            assertThat(cli().env("OPENAI_API_KEY", "sk-wrong").run("doctor", "--provider-url", url).out())
                    .contains("FAIL  provider     " + url + " refused the credentials (HTTP 401)");
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void theProviderKeyComesFromTheKeyFileOrTheEnvironmentAndTheModelMustBeServed() throws Exception {
        HttpServer provider = modelsServer("sk-doctor-5678", "{\"object\":\"list\",\"data\":[{\"id\":"
                + "\"qwen2.5-7b-instruct\"},{\"id\":\"llama-3.1-8b\"}]}");
        try {
            String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1";
            Path keyFile = Files.writeString(tmp.resolve("key"), "sk-doctor-5678\n");
            assertThat(cli().run("doctor", "--provider-url", url, "--provider-key-file", keyFile.toString(),
                    "--provider-model", "llama-3.1-8b").out())
                    .contains("ok    provider     " + url + " answers (HTTP 200) and serves llama-3.1-8b");
            Cli.Result wrongModel = cli().env("PDFVARIANTS_PROVIDER_KEY", "sk-doctor-5678")
                    .run("doctor", "--provider-url", url, "--provider-model", "mistral");
            assertThat(wrongModel.exitCode()).isEqualTo(2);
            assertThat(wrongModel.out()).contains("FAIL  provider     " + url + " does not serve the model mistral; "
                    + "it serves qwen2.5-7b-instruct, llama-3.1-8b - fix --provider-model");
            Cli.Result noKey = cli().run("doctor", "--provider-url", url);
            assertThat(noKey.out()).contains("refused the credentials (HTTP 401)").contains("PDFVARIANTS_PROVIDER_KEY");
            assertThat(cli().env("PDFVARIANTS_PROVIDER_KEY", "sk-doctor-5678").env("PDFVARIANTS_PROVIDER_URL", url)
                    .run("doctor").out()).contains("ok    provider     " + url + " answers (HTTP 200); serves "
                            + "qwen2.5-7b-instruct, llama-3.1-8b");
        } finally {
            provider.stop(0);
        }
    }

    /** A provider whose {@code GET /v1/models} answers {@code models} to the bearer {@code key}, 401 to others. */
    private static HttpServer modelsServer(String key, String models) throws IOException {
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/v1/models", exchange -> {
            boolean authorized = ("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorized ? models : "{\"error\":{\"message\":\"bad key\"}}").getBytes();
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        return provider;
    }

    @Test
    void aHeapTooSmallForTheWorkersFails() {
        assertThat(LocalChecks.heap(4L << 30, 8).outcome()).isEqualTo(CheckResult.Outcome.OK);
        CheckResult small = LocalChecks.heap(256L << 20, 8);
        assertThat(small.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(small.line()).contains("max 256 MiB for 8 workers (32 MiB each)").contains("-Xmx");
    }
}
