package dev.pdfvariants.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.testing.TestVariants;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantKind;
import dev.pdfvariants.variant.VariantRegistry;

class CacheKeysTest {
    private static final String SHA = "ab".repeat(32);
    private final Variant text = VariantRegistry.standard().resolve(List.of("text")).get(0);
    private final VariantSettings stream = VariantSettings.defaults();

    private static CacheKeys keys(VariantSettings settings, String tool) {
        return new CacheKeys(List.of(), settings, "limits", false, tool);
    }

    /** A variant whose one option has the value given. */
    private static Variant optioned(String value) {
        return new Variant() {
            @Override
            public String name() {
                return "optioned";
            }

            @Override
            public VariantKind kind() {
                return VariantKind.CONTENT;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public List<String> outputs() {
                return List.of();
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public Map<String, Object> options(VariantSettings settings) {
                return Map.of("order", value);
            }

            @Override
            public void generate(DocumentContext document, OutputSink out) {
            }
        };
    }

    @Test
    void theSameInputVariantOptionsAndToolGiveTheSameKey() {
        assertThat(keys(stream, "1.0").variant(SHA, text)).isEqualTo(keys(stream, "1.0").variant(SHA, text))
                .hasSize(64);
    }

    @Test
    void eachPartOfTheKeyChangesIt() {
        String key = keys(stream, "1.0").variant(SHA, text);
        assertThat(keys(stream, "1.0").variant("cd".repeat(32), text)).as("input bytes").isNotEqualTo(key);
        assertThat(keys(stream, "1.0").variant(SHA, optioned("stream")))
                .isNotEqualTo(keys(stream, "1.0").variant(SHA, optioned("position"))).as("variant options");
        assertThat(keys(stream, "1.1").variant(SHA, text)).as("tool version").isNotEqualTo(key);
        assertThat(keys(stream, "1.0").variant(SHA, new TestVariants.Versioned(1)))
                .isNotEqualTo(keys(stream, "1.0").variant(SHA, new TestVariants.Versioned(2))).as("variant version");
    }

    @Test
    void aWholeDocumentsKeyDependsOnLimitsAndWhetherAPasswordWasGiven() {
        String key = new CacheKeys(List.of(), stream, "pages=0", false, "1.0").document(SHA);
        assertThat(new CacheKeys(List.of(), stream, "pages=5", false, "1.0").document(SHA)).isNotEqualTo(key);
        assertThat(new CacheKeys(List.of(), stream, "pages=0", true, "1.0").document(SHA)).isNotEqualTo(key);
        assertThat(new CacheKeys(List.of(), stream, "pages=0", false, "1.0").document(SHA)).isEqualTo(key);
    }
}
