package dev.pdfvariants.provider;

import java.util.regex.Pattern;

/**
 * Cleans a model's answer of what is not part of it: the reasoning block that some models
 * (served by llama.cpp or Ollama) write before it ({@code <think>…</think>}), and a Markdown code
 * fence around the whole answer.
 */
final class ModelText {
    private static final Pattern THINKING = Pattern.compile("(?s)^\\s*<think>.*?</think>\\s*");
    private static final Pattern FENCED = Pattern.compile("(?s)^\\s*```[a-zA-Z]*\\s*\\n(.*?)\\n\\s*```\\s*$");

    private ModelText() {
    }

    static String clean(String answer) {
        String text = THINKING.matcher(answer).replaceFirst("");
        var fenced = FENCED.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1);
        }
        return text.strip();
    }
}
