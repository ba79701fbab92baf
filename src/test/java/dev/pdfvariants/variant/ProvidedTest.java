package dev.pdfvariants.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.ProviderSettings;

/** The helpers of the provider variants: heading levels, language names, chunk budgets and options. */
class ProvidedTest {
    @Test
    void headingLevelsOfTheChunkAreRestoredWhenTheModelKeptEveryHeading() {
        String chunk = "## 1 Lights\n\nText.\n\n### 1.1 Lenses\n\nMore.";
        assertThat(Provided.keepHeadingLevels(chunk, "# 1 Lichter\n\nText.\n\n## 1.1 Linsen\n\nMehr."))
                .isEqualTo("## 1 Lichter\n\nText.\n\n### 1.1 Linsen\n\nMehr.");
        assertThat(Provided.keepHeadingLevels(chunk, "1 Lichter\n\nText. 1.1 Linsen. Mehr.")).isNull();
        assertThat(Provided.keepHeadingLevels("Just text.", "Nur Text.")).isEqualTo("Nur Text.");
    }

    @Test
    void languagesAreNamedForTheInstructionsAndRecognisedByNameOrTag() {
        assertThat(Provided.languageName("de")).isEqualTo("German");
        assertThat(Provided.languageName("pt-BR")).isEqualTo("Portuguese (Brazil)");
        assertThat(Provided.languageName("Klingon")).isEqualTo("Klingon");
        assertThat(Provided.languageName("French")).isEqualTo("French");
        assertThat(Provided.languageCode("German")).isEqualTo("de");
        assertThat(Provided.languageCode("de-AT")).isEqualTo("de");
        assertThat(Provided.languageCode("english")).isEqualTo("en");
        assertThat(Provided.languageCode("Klingon")).isNull();
    }

    @Test
    void theChunkBudgetLeavesRoomForTheAnswerAndTheInstructions() {
        ProviderSettings defaults = settings(8192, 2048);
        assertThat(Provided.budget(defaults, "Translate.", 1.5)).isEqualTo(1365);
        assertThat(Provided.budget(defaults, "Explain.", 3)).isEqualTo(682);
        ProviderSettings tight = settings(4096, 3500);
        assertThat(Provided.budget(tight, "Translate.", 1.5)).isEqualTo(4096 - 3500 - 256);
    }

    @Test
    void withoutAProviderTheOptionsSaySo() {
        assertThat(Provided.options(ProviderSettings.defaults(), 1, true)).containsExactly(
                Map.entry("provider", "none"));
        assertThat(Provided.options(settings(8192, 2048), 3, true)).containsEntry("provider-model", "m")
                .containsEntry("target-language", "German").containsEntry("prompt-version", 3)
                .doesNotContainKey("provider-url");
    }

    private static ProviderSettings settings(int context, int maxTokens) {
        return new ProviderSettings("m", "German", 0.2, context, maxTokens, new ProviderSettings.Endpoint(
                URI.create("http://localhost:8080/v1"), null, 60, 4, Duration.ofSeconds(30), false));
    }
}
