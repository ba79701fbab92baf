package dev.pdfvariants.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.pdfvariants.json.Json;

/**
 * An OpenAI-compatible provider on a loopback port, for tests: it speaks the wire format of
 * {@code POST /v1/chat/completions} (and {@code GET /v1/models}) and does what it is scripted to
 * do: answer, fail with a status and an error body, ask to retry after a while (429 with
 * {@code Retry-After}), stall without answering, or close the connection. Replies are taken from
 * the script in order, then from matching rules, then the default (an answer). Every request is
 * recorded with its arrival time, headers and body.
 */
public final class FakeProvider implements AutoCloseable {
    /** What the server does with one request. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange exchange, Received request) throws IOException;
    }

    /**
     * A request as it arrived.
     *
     * @param atNanos       {@link System#nanoTime()} on arrival
     * @param authorization the {@code Authorization} header, or null
     * @param body          the JSON body
     */
    public record Received(long atNanos, String authorization, JsonNode body) {
        public String model() {
            return body.path("model").asText();
        }

        public String system() {
            return message("system");
        }

        public String user() {
            return message("user");
        }

        private String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (role.equals(m.path("role").asText())) {
                    return m.path("content").asText();
                }
            }
            return null;
        }
    }

    private record Rule(Predicate<Received> when, Reply reply) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-provider");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new ArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Reply fallback = answer(FakeProvider::translate);
    private volatile List<String> models = List.of("fake-model");

    private FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::handle);
        server.createContext("/v1/models", exchange -> {
            List<Object> data = new ArrayList<>();
            for (String id : models) {
                data.add(Map.of("id", id, "object", "model"));
            }
            json(exchange, 200, Json.compact(Map.of("object", "list", "data", data)));
            exchange.close();
        });
        server.start();
    }

    public static FakeProvider start() throws IOException {
        return new FakeProvider();
    }

    /** The base URL to pass as {@code --provider-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next requests get these replies, in order; later ones the rules or the default. */
    public synchronized FakeProvider then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Requests matching {@code when} (and not taken by the script) get {@code reply}. */
    public synchronized FakeProvider when(Predicate<Received> when, Reply reply) {
        rules.add(new Rule(when, reply));
        return this;
    }

    /** Every request not scripted or matched gets {@code reply}. */
    public synchronized FakeProvider otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    /** Forgets the script and the rules; the default answers again. */
    public synchronized FakeProvider reset() {
        script.clear();
        rules.clear();
        fallback = answer(FakeProvider::translate);
        return this;
    }

    /** The model names {@code GET /v1/models} lists. */
    public FakeProvider serving(String... names) {
        this.models = List.of(names);
        return this;
    }

    public synchronized List<Received> requests() {
        return List.copyOf(received);
    }

    public synchronized int count() {
        return received.size();
    }

    /** The most requests the server was answering at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = Json.mapper().readTree(in.readAllBytes());
            Received request = new Received(at, exchange.getRequestHeaders().getFirst("Authorization"), body);
            Reply reply;
            synchronized (this) {
                received.add(request);
                reply = script.poll();
                if (reply == null) {
                    reply = rules.stream().filter(r -> r.when().test(request)).map(Rule::reply).findFirst()
                            .orElse(fallback);
                }
            }
            reply.send(exchange, request);
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** The default "translation": every heading and paragraph line of the user message marked with {@code [T]}. */
    public static String translate(Received request) {
        StringBuilder out = new StringBuilder();
        for (String line : request.user().split("\n", -1)) {
            if (line.isBlank()) {
                out.append('\n');
            } else if (line.startsWith("#")) {
                int hashes = line.indexOf(' ');
                out.append(line, 0, hashes + 1).append("[T] ").append(line.substring(hashes + 1)).append('\n');
            } else {
                out.append("[T] ").append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    /** A chat completion whose content is {@code content(request)}, with usage counts. */
    public static Reply answer(Function<Received, String> content) {
        return (exchange, request) -> {
            String text = content.apply(request);
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", request.model());
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            int prompt = request.user().length() / 4 + request.system().length() / 4;
            int completion = text.length() / 4;
            body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            json(exchange, 200, Json.compact(body));
        };
    }

    /** A failure with an OpenAI-style error body. */
    public static Reply status(int code, String message) {
        return (exchange, request) -> json(exchange, code,
                "{\"error\":{\"message\":" + Json.compact(message) + ",\"type\":\"server_error\",\"code\":" + code + "}}");
    }

    /** 429 Too Many Requests with {@code Retry-After: value}. */
    public static Reply rateLimited(String retryAfter) {
        return (exchange, request) -> {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
            json(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
        };
    }

    /** No answer for {@code duration} (the client is expected to give up first), then an answer. */
    public static Reply stall(Duration duration) {
        return (exchange, request) -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer(FakeProvider::translate).send(exchange, request);
        };
    }

    /** Answers after {@code delay}: to keep requests in flight together. */
    public static Reply slow(Duration delay) {
        return stall(delay);
    }

    /** Closes the connection without answering. */
    public static Reply closeConnection() {
        return (exchange, request) -> exchange.close();
    }

    private static void json(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
