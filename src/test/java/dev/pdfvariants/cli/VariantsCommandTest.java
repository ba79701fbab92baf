package dev.pdfvariants.cli;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;

class VariantsCommandTest {

    @Test
    void printsTheCatalogAsATable() {
        Cli.Result r = cli().run("variants");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("VARIANT").contains("text*").contains("text.txt, text.md")
                .contains("metadata*").contains("metadata.json");
    }

    @Test
    void printsTheCatalogAsJson() throws IOException {
        Cli.Result r = cli().run("variants", "--json");
        JsonNode catalog = Json.mapper().readTree(r.out());
        assertThat(catalog.isArray()).isTrue();
        assertThat(catalog.get(0).get("name").asText()).isEqualTo("text");
        assertThat(catalog.get(0).get("kind").asText()).isEqualTo("content");
        assertThat(catalog.get(0).get("outputs").get(0).asText()).isEqualTo("text.txt");
        assertThat(catalog.get(0).get("isDefault").asBoolean()).isTrue();
    }

    @Test
    void versionAndRootHelp() {
        assertThat(cli().run("--version").out()).startsWith("pdfvariants ");
        Cli.Result root = cli().run();
        assertThat(root.exitCode()).isEqualTo(2);
        assertThat(root.err()).contains("run").contains("variants");
    }
}
