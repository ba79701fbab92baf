package dev.pdfvariants.isolation;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.event.Event;
import dev.pdfvariants.json.Json;

/**
 * What a worker process and its parent say to each other, one JSON object per line (UTF-8).
 * <ul>
 * <li>parent → worker: a {@link Request} per document; closing stdin asks the worker to exit.</li>
 * <li>worker → parent: {@code ready} once it has read its configuration; then, per document, the
 * events its processing published ({@code event}, named by the event's record, e.g.
 * {@code VariantGenerated}) and finally its {@code result}.</li>
 * </ul>
 * Workers never write the manifest or the documents' states: the parent records the results.
 */
final class WorkerProtocol {
    static final String READY = "ready";
    static final String EVENT = "event";
    static final String RESULT = "result";

    private WorkerProtocol() {
    }

    /** One document to process. */
    record Request(String path, String relativePath) {
    }

    /** One line from a worker. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String type, String event, JsonNode data) {
    }

    static String encode(Object message) {
        return Json.compact(message);
    }

    static String ready() {
        return encode(new Message(READY, null, null));
    }

    static String event(Event event) {
        return encode(new Message(EVENT, event.getClass().getSimpleName(), Json.mapper().valueToTree(event)));
    }

    static String result(DocumentResult result) {
        return encode(new Message(RESULT, null, Json.mapper().valueToTree(result)));
    }

    static <T> T decode(String line, Class<T> type) throws IOException {
        return Json.mapper().readValue(line, type);
    }

    /** The event a worker forwarded, or null when this JVM does not know its kind. */
    static Event decodeEvent(Message message) throws IOException {
        for (Class<?> kind : Event.class.getPermittedSubclasses()) {
            if (kind.getSimpleName().equals(message.event())) {
                return (Event) Json.mapper().treeToValue(message.data(), kind);
            }
        }
        return null;
    }

    static DocumentResult decodeResult(Message message) throws IOException {
        return Json.mapper().treeToValue(message.data(), DocumentResult.class);
    }
}
