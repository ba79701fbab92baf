package dev.pdfvariants.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus Pushgateway (the Debian {@code prometheus-pushgateway} binary) on a free
 * loopback port, with its persistence file in a temporary directory; skips the test (a JUnit
 * assumption) when the binary is not installed. Optionally behind basic auth, through the
 * gateway's own {@code --web.config.file}.
 */
public final class Pushgateway implements AutoCloseable {
    /** A user, password and its bcrypt hash (the gateway's web config takes bcrypt only) for gateways behind basic auth. */
    public static final String TEST_USER = "batch";
    public static final String TEST_PASSWORD = "planted-basic-pass-4d2f";
    public static final String TEST_PASSWORD_BCRYPT = "$2b$04$eOmg0Q4inj3Irg46EOqSm.poll7XIyua5cbbOf1hs1uv/LnPceBHi";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final String authorization;

    private Pushgateway(Process process, int port, String authorization) {
        this.process = process;
        this.port = port;
        this.authorization = authorization;
    }

    public static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "prometheus-pushgateway");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/prometheus-pushgateway");
        return Files.isExecutable(debian) ? debian : null;
    }

    /** Starts a gateway; {@code dir} holds its persistence file and log. */
    public static Pushgateway start(Path dir) throws IOException, InterruptedException {
        return start(dir, null, null, null);
    }

    /**
     * Starts a gateway that requires basic auth: {@code bcryptHash} is the hash of {@code password}
     * (the gateway's web config takes bcrypt only).
     */
    public static Pushgateway start(Path dir, String user, String password, String bcryptHash)
            throws IOException, InterruptedException {
        Path binary = binary();
        assumeTrue(binary != null, "prometheus-pushgateway is not installed (apt-get install prometheus-pushgateway)");
        Files.createDirectories(dir);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=" + dir.resolve("pushgateway.data"),
                "--log.level=warn"));
        String authorization = null;
        if (user != null) {
            Path config = dir.resolve("web.yml");
            Files.writeString(config, "basic_auth_users:\n  " + user + ": " + bcryptHash + "\n");
            command.add("--web.config.file=" + config);
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pushgateway.log").toFile()).start();
        Pushgateway gateway = new Pushgateway(process, port, authorization);
        gateway.awaitReady(dir);
        return gateway;
    }

    private void awaitReady(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("pushgateway exited: " + Files.readString(dir.resolve("pushgateway.log")));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("pushgateway did not become ready: " + Files.readString(dir.resolve("pushgateway.log")));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The gateway's {@code /metrics}: everything pushed to it, with the grouping labels. */
    public String metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        if (response.statusCode() != 200) {
            throw new IOException("GET /metrics answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the gateway; its port is then closed (a dead Pushgateway). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value of the sample {@code name} whose labels include all of {@code labels}, or null;
     * fails when several samples match.
     */
    public static Double value(String exposition, String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Double found = null;
        for (Sample s : samples(exposition)) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet())) {
                if (found != null) {
                    throw new AssertionError("several samples of " + name + " match " + wanted);
                }
                found = s.value();
            }
        }
        return found;
    }

    /** One sample line of the text exposition format. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static List<Sample> samples(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return samples;
    }
}
