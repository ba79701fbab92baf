package dev.pdfvariants.provider;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.pdfvariants.json.Json;

/**
 * The OpenAI-compatible wire format of {@code POST /chat/completions}, as llama.cpp's
 * {@code llama-server}, vLLM, Ollama and hosted services speak it: the request body, the answer
 * ({@code choices[0].message.content}, {@code finish_reason}, {@code usage}), and the error body
 * ({@code {"error": {"message": …}}}, or the simpler forms some servers use).
 */
final class ChatWire {
    /** Error messages quoted from the provider are cut to this length. */
    static final int MAX_ERROR_MESSAGE = 200;

    private ChatWire() {
    }

    /** The request body: model, system and user messages, temperature, max_tokens, no streaming. */
    static String request(String model, ChatRequest request, double temperature, int maxTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.user());
        body.put("temperature", temperature);
        body.put("max_tokens", maxTokens);
        body.put("stream", false);
        return Json.compact(body);
    }

    /** The answer of a 2xx response; throws {@link IOException} when the body is not a chat completion. */
    static Completion completion(String body) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IOException("the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IOException("the answer is not a JSON object");
        }
        if (root.hasNonNull("error")) {
            throw new IOException("the answer is an error: " + errorMessage(body));
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            throw new IOException(choice.isMissingNode() ? "the answer has no choices[0]"
                    : "the answer has no choices[0].message.content");
        }
        String text = ModelText.clean(content.asText());
        if (text.isEmpty()) {
            throw new IOException("the answer is empty");
        }
        JsonNode usage = root.path("usage");
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        return new Completion(text, finish, usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0));
    }

    /**
     * The message of an error body, cut short; null when the body is not one of the known error
     * forms. Only the message field is read: bodies that echo the request (and so the document's
     * text) are not quoted.
     */
    static String errorMessage(String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode error = root.path("error");
        JsonNode message = error.isObject() ? error.path("message") : error.isTextual() ? error : root.path("message");
        if (!message.isTextual()) {
            message = root.path("detail");
        }
        if (!message.isTextual() || message.asText().isBlank()) {
            return null;
        }
        String text = message.asText().replaceAll("\\s+", " ").strip();
        return text.length() > MAX_ERROR_MESSAGE ? text.substring(0, MAX_ERROR_MESSAGE) + "…" : text;
    }
}
