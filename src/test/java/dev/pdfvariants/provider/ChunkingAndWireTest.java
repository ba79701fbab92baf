package dev.pdfvariants.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Chunks within the budget at the best boundaries, token estimates, the wire format's corners, and {@code Retry-After}. */
class ChunkingAndWireTest {
    private static List<String> sentences(String prefix, int n) {
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(prefix + " sentence number " + i + " says something about the harbour lights.");
        }
        return list;
    }

    @Test
    void wholeParagraphsArePackedTogetherInOrderWithinTheBudget() {
        List<Chunker.Unit> units = List.of(
                new Chunker.Unit("# Title\n\n", List.of()),
                new Chunker.Unit("## One\n\n", sentences("A", 2)),
                new Chunker.Unit("", sentences("B", 2)),
                new Chunker.Unit("## Two\n\n", sentences("C", 2)));
        List<String> chunks = new Chunker(70).pack(units);

        assertThat(chunks).allSatisfy(c -> assertThat(TokenEstimate.of(c)).isLessThanOrEqualTo(70));
        assertThat(chunks).hasSizeGreaterThan(1);
        String joined = String.join("\n\n", chunks);
        assertThat(joined).isEqualTo(String.join("\n\n", units.stream().map(Chunker.Unit::text).toList()));
        assertThat(chunks).allSatisfy(c -> assertThat(c).doesNotEndWith("## One").doesNotEndWith("## Two"));
        assertThat(chunks).as("a paragraph that fits is never cut").allSatisfy(c -> assertThat(
                c.contains("B sentence number 1")).isEqualTo(c.contains("B sentence number 2")));
    }

    @Test
    void aLongParagraphIsCutBetweenSentencesAndAHugeSentenceBetweenWords() {
        List<Chunker.Unit> units = List.of(new Chunker.Unit("## Long\n\n", sentences("L", 12)));
        List<String> chunks = new Chunker(40).pack(units);
        assertThat(chunks).hasSizeGreaterThan(3)
                .allSatisfy(c -> assertThat(TokenEstimate.of(c)).isLessThanOrEqualTo(40))
                .allSatisfy(c -> assertThat(c).matches("(?s)(## Long\\n\\n)?L sentence.*lights\\."));
        assertThat(chunks.get(0)).startsWith("## Long\n\nL sentence number 1 ");

        String words = "word ".repeat(200).strip();
        List<String> cut = new Chunker(20).pack(List.of(new Chunker.Unit("", List.of(words))));
        assertThat(cut).allSatisfy(c -> assertThat(TokenEstimate.of(c)).isLessThanOrEqualTo(20));
        assertThat(String.join(" ", cut)).isEqualTo(words);

        String cjk = "灯台は".repeat(60);
        List<String> cjkCut = new Chunker(30).pack(List.of(new Chunker.Unit("", List.of(cjk))));
        assertThat(cjkCut).hasSizeGreaterThan(1).allSatisfy(c -> assertThat(TokenEstimate.of(c)).isLessThanOrEqualTo(30));
        assertThat(String.join("", cjkCut)).isEqualTo(cjk);
    }

    @Test
    void tokensAreEstimatedConservativelyPerScript() {
        assertThat(TokenEstimate.of("The quick brown fox jumps over the lazy dog.")).isBetween(11, 16);
        assertThat(TokenEstimate.of("Пример текста")).isEqualTo(7);
        assertThat(TokenEstimate.of("灯台")).isEqualTo(3);
        assertThat(TokenEstimate.of("")).isZero();
    }

    @Test
    void reasoningAndACodeFenceAroundTheAnswerAreRemoved() {
        assertThat(ModelText.clean("<think>\nLet me see.\n</think>\n\n# Titel\n\nText.")).isEqualTo("# Titel\n\nText.");
        assertThat(ModelText.clean("```markdown\n# Titel\n\nText.\n```\n")).isEqualTo("# Titel\n\nText.");
        assertThat(ModelText.clean("Text with `code` and\n```\nblock\n```\nafter.")).startsWith("Text with `code`")
                .endsWith("after.");
    }

    @Test
    void theAnswerAndTheErrorBodiesOfKnownServersAreRead() throws IOException {
        Completion c = ChatWire.completion("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hallo\"},"
                + "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3}}");
        assertThat(c).isEqualTo(new Completion("Hallo", "length", 12, 3));
        assertThat(c.truncated()).isTrue();
        assertThat(ChatWire.completion("{\"choices\":[{\"message\":{\"content\":\"x\"}}]}").promptTokens()).isZero();
        assertThatThrownBy(() -> ChatWire.completion("<html>proxy error</html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ChatWire.completion("{\"choices\":[]}")).hasMessageContaining("no choices[0]");
        assertThatThrownBy(() -> ChatWire.completion("{\"choices\":[{\"message\":{\"content\":\"<think>hm</think>\"}}]}"))
                .hasMessageContaining("empty");

        assertThat(ChatWire.errorMessage("{\"error\":{\"message\":\"model not found\",\"type\":\"invalid_request\"}}"))
                .isEqualTo("model not found");
        assertThat(ChatWire.errorMessage("{\"error\":\"model 'x' not found, try pulling it first\"}"))
                .isEqualTo("model 'x' not found, try pulling it first");
        assertThat(ChatWire.errorMessage("{\"object\":\"error\",\"message\":\"maximum context length is 4096\","
                + "\"type\":\"BadRequestError\",\"code\":400}")).isEqualTo("maximum context length is 4096");
        assertThat(ChatWire.errorMessage("{\"detail\":[{\"input\":\"the whole document text\"}]}")).isNull();
        assertThat(ChatWire.errorMessage("{\"error\":{\"message\":\"" + "x".repeat(500) + "\"}}"))
                .hasSize(ChatWire.MAX_ERROR_MESSAGE + 1);
        assertThat(ChatWire.errorMessage("Bad Gateway")).isNull();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-10-21T07:28:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("3", clock)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("0.5", clock)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryAfter.parse("Tue, 21 Oct 2025 07:28:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 21 Oct 2025 07:27:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isNull();
        assertThat(RetryAfter.parse(null, clock)).isNull();
    }

    @Test
    void theKeyOfAnAnswerChangesWithEverythingThatChangesTheAnswer() {
        ChatRequest r = new ChatRequest("Translate into German.", "Hello.");
        String key = ChunkStore.key(r, "m", 0.2, 512, 1);
        assertThat(ChunkStore.key(r, "m", 0.2, 512, 1)).isEqualTo(key);
        assertThat(List.of(ChunkStore.key(new ChatRequest("Translate into French.", "Hello."), "m", 0.2, 512, 1),
                ChunkStore.key(new ChatRequest("Translate into German.", "Hello!"), "m", 0.2, 512, 1),
                ChunkStore.key(r, "other", 0.2, 512, 1), ChunkStore.key(r, "m", 0.7, 512, 1),
                ChunkStore.key(r, "m", 0.2, 1024, 1), ChunkStore.key(r, "m", 0.2, 512, 2)))
                .doesNotContain(key).doesNotHaveDuplicates();
    }
}
