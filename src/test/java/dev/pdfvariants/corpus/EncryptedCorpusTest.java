package dev.pdfvariants.corpus;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;
import dev.pdfvariants.testing.Pdfs;

/** The encrypted files of the corpus with the passwords its README lists (skipped without the corpus). */
class EncryptedCorpusTest {
    @TempDir
    Path tmp;

    private Cli.Result run(String file, String password, String... extra) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path copy = in.resolve(Path.of(file).getFileName());
        Files.copy(Corpus.require().resolve(file), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli cli = cli();
        if (password != null) {
            cli.env("PDFVARIANTS_PASSWORD", password);
        }
        String[] base = {"run", in.toString(), "-o", tmp.resolve("out").toString(), "--progress", "none"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    private JsonNode metadata(String file) throws IOException {
        String name = Path.of(file).getFileName().toString().replace(".pdf", "");
        return Json.mapper().readTree(tmp.resolve("out").resolve(name).resolve("metadata.json").toFile());
    }

    @ParameterizedTest(name = "{0} opens with {1}")
    @CsvSource({
        "encrypted/pypdf-libreoffice-password.pdf, openpassword",
        "encrypted/pypdf-libreoffice-password.pdf, permissionpassword",
        "encrypted/pdfbox-PasswordSample-40bit.pdf, user",
        "encrypted/pdfbox-PasswordSample-40bit.pdf, owner",
        "encrypted/pdfbox-PasswordSample-256bit.pdf, user",
        "encrypted/pdfbox-PasswordSample-256bit.pdf, owner",
        "encrypted/unstructured-password.pdf, password",
        "encrypted/docling-2206.01062-pg3-password.pdf, 1234",
        "encrypted/docling-2206.01062-pg3-password.pdf, owner",
        "encrypted/unstructured-copy-protected.pdf, ",
        "lang/es-pdfjs-form-bug1815476.pdf, "})
    void knownPasswordsOpenTheirFiles(String file, String password) throws IOException {
        Cli.Result r = run(file, password, "-v", "metadata");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode metadata = metadata(file);
        assertThat(metadata.at("/encryption/encrypted").asBoolean()).isTrue();
        assertThat(metadata.get("pages").asInt()).isPositive();
        assertThat(r.err()).doesNotContain(password == null ? "\u0000" : password);
    }

    @Test
    void theFileWithAnUnknownPasswordFailsCleanlyWithOrWithoutOne() throws IOException {
        Cli.Result without = run("encrypted/opf-encryption-openpassword.pdf", null, "-v", "text");
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "opf-encryption-openpassword.pdf")
                .at("/error/kind").asText()).isEqualTo("password-required");
        assertThat(without.err()).contains("PDFVARIANTS_PASSWORD").doesNotContain("\tat ");

        Cli.Result wrong = run("encrypted/opf-encryption-openpassword.pdf", "guess", "-v", "text");
        assertThat(wrong.exitCode()).isEqualTo(1);
        JsonNode failed = Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "opf-encryption-openpassword.pdf");
        assertThat(failed.at("/error/kind").asText()).isEqualTo("wrong-password");
        assertThat(failed.at("/error/message").asText()).contains("PDFVARIANTS_PASSWORD").doesNotContain("guess");
    }

    @Test
    void restrictedFilesAreNotChangedWithTheUserPasswordButAreWithTheOwners() throws IOException {
        String file = "encrypted/pdfbox-PasswordSample-256bit.pdf";
        Cli.Result user = run(file, "user", "-v", "watermarked,split,thumbnails");
        assertThat(user.exitCode()).isEqualTo(1);
        JsonNode doc = Pdfs.document(Pdfs.manifest(tmp.resolve("out")), "pdfbox-PasswordSample-256bit.pdf");
        assertThat(doc.at("/variants/0/name").asText()).isEqualTo("thumbnails");
        assertThat(doc.at("/variants/0/status").asText()).isEqualTo("succeeded");
        assertThat(doc.at("/variants/1/error/kind").asText()).isEqualTo("restricted");
        assertThat(doc.at("/variants/2/error/kind").asText()).isEqualTo("restricted");
        assertThat(user.err()).contains("owner password");

        Cli.Result owner = run(file, "owner", "-v", "watermarked,split");
        assertThat(owner.exitCode()).as(owner.toString()).isZero();
        assertThat(tmp.resolve("out/pdfbox-PasswordSample-256bit/watermarked.pdf")).isRegularFile();
    }
}
