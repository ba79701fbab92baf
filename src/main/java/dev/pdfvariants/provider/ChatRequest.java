package dev.pdfvariants.provider;

import java.util.Objects;

/**
 * One question to the model: the instructions ({@code system}) and the text to work on ({@code user}).
 *
 * @param system the system message
 * @param user   the user message
 */
public record ChatRequest(String system, String user) {
    public ChatRequest {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }
}
