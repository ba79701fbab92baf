package dev.pdfvariants.provider;

/**
 * The model's answer to one {@link ChatRequest}.
 *
 * @param content          the text of {@code choices[0].message.content}, cleaned ({@link ModelText})
 * @param finishReason     why the model stopped ({@code stop}; {@code length} when cut at {@code max_tokens}), or null
 * @param promptTokens     {@code usage.prompt_tokens}, 0 when not reported
 * @param completionTokens {@code usage.completion_tokens}, 0 when not reported
 */
public record Completion(String content, String finishReason, long promptTokens, long completionTokens) {
    /** The answer stopped at the token limit rather than where the model meant to stop. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }
}
