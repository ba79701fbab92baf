package dev.pdfvariants.cli;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.DocumentFixtures;
import dev.pdfvariants.testing.Pdfs;

class InspectCommandTest {
    @TempDir
    Path tmp;

    @Test
    void describesPagesOutlineFontsTextLayerAndActiveContentAsJson() throws IOException {
        Path chapters = DocumentFixtures.chapters(tmp.resolve("chapters.pdf"));
        Cli.Result r = cli().run("inspect", chapters.toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode report = Json.mapper().readTree(r.out());
        assertThat(report.get("pages").asInt()).isEqualTo(5);
        assertThat(report.get("pdfVersion").asText()).isEqualTo("1.6");
        assertThat(report.at("/outline/items").asInt()).isEqualTo(3);
        assertThat(report.at("/outline/depth").asInt()).isEqualTo(2);
        assertThat(report.at("/fonts/total").asInt()).isEqualTo(3);
        assertThat(report.at("/fonts/notEmbedded").asInt()).isEqualTo(3);
        assertThat(report.at("/textLayer/present").asBoolean()).isTrue();
        assertThat(report.at("/encryption/encrypted").asBoolean()).isFalse();
        assertThat(report.get("javascript").asBoolean()).isFalse();
        assertThat(report.get("producer").asText()).isEqualTo("pdfvariants sample generator");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void reportsJavascriptAttachmentsAndImagesAsText() throws IOException {
        Path active = DocumentFixtures.active(tmp.resolve("active.pdf"));
        Cli.Result r = cli().run("inspect", active.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("pages:          2").contains("javascript:     yes")
                .contains("attachments:    2").contains("action:launch 1").contains("encryption:     none");

        Cli.Result scan = cli().run("inspect", Path.of("samples/scanned/scanned-letter.pdf").toAbsolutePath().toString());
        assertThat(scan.out()).contains("images:         1 (jpeg 1)").contains("text layer:     no");
    }

    @Test
    void anEncryptedFileNeedsThePasswordFromAFileOrTheEnvironment() throws IOException {
        Path locked = Pdfs.encrypted(tmp.resolve("locked.pdf"), "Locked.", "pw123");

        Cli.Result without = cli().run("inspect", locked.toString());
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.err()).contains("password is needed").contains("[password-required]")
                .contains("--password-file").doesNotContain("\tat ");

        Cli.Result wrong = cli().env("PDFVARIANTS_PASSWORD", "nope").run("inspect", locked.toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("[wrong-password]");

        Path passwordFile = Files.writeString(tmp.resolve("pw.txt"), "pw123\n");
        Cli.Result with = cli().run("inspect", locked.toString(), "--password-file", passwordFile.toString(), "--json");
        assertThat(with.exitCode()).as(with.toString()).isZero();
        JsonNode report = Json.mapper().readTree(with.out());
        assertThat(report.at("/encryption/algorithm").asText()).isEqualTo("AES-256");
        assertThat(report.at("/encryption/keyBits").asInt()).isEqualTo(256);
        assertThat(report.at("/encryption/permissions/print").asBoolean()).isTrue();
    }

    @Test
    void aMissingFileExits3AndADamagedOneExits1WithTheReason() throws IOException {
        Cli.Result missing = cli().run("inspect", tmp.resolve("nope.pdf").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("does not exist");

        Path html = Files.writeString(tmp.resolve("page.pdf"), "<html><body>404</body></html>");
        Cli.Result notPdf = cli().run("inspect", html.toString());
        assertThat(notPdf.exitCode()).isEqualTo(1);
        assertThat(notPdf.err()).contains("not a PDF").contains("HTML").contains("[not-a-pdf]");
    }
}
