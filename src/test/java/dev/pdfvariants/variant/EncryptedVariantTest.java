package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Pdfs;

class EncryptedVariantTest {
    @TempDir
    Path tmp;

    @Test
    void withoutAPasswordTheRunStopsBeforeAnyWorkWithExitCode2() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/a.pdf"), "Some text.");
        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "text,encrypted");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("encrypted variant needs a password").contains("--encrypt-password-file")
                .contains("PDFVARIANTS_ENCRYPT_PASSWORD");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void passwordFromAFileOwnerPasswordAndPermissionsAreApplied() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/a.pdf"), "Some text.");
        Path userFile = Files.writeString(tmp.resolve("user.txt"), "open-sesame\n");
        Path ownerFile = Files.writeString(tmp.resolve("owner.txt"), "master-key\n");

        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "encrypted",
                "--encrypt-password-file", userFile.toString(), "--encrypt-owner-password-file", ownerFile.toString(),
                "--encrypt-permissions", "print,accessibility", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path pdf = tmp.resolve("out/a/encrypted.pdf");
        assertThatThrownBy(() -> Loader.loadPDF(pdf.toFile()).close()).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), "open-sesame")) {
            AccessPermission ap = doc.getCurrentAccessPermission();
            assertThat(ap.isOwnerPermission()).isFalse();
            assertThat(ap.canPrint()).isTrue();
            assertThat(ap.canExtractForAccessibility()).isTrue();
            assertThat(ap.canModify()).isFalse();
            assertThat(ap.canExtractContent()).isFalse();
            assertThat(ap.canAssembleDocument()).isFalse();
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), "master-key")) {
            assertThat(doc.getCurrentAccessPermission().isOwnerPermission()).isTrue();
        }
        String manifest = Files.readString(tmp.resolve("out/_run/manifest.json"));
        assertThat(manifest).doesNotContain("open-sesame").doesNotContain("master-key");
        assertThat(Pdfs.manifest(tmp.resolve("out")).at("/options/encrypted/permissions").asText())
                .isEqualTo("print,accessibility");
    }

    @Test
    void anEncryptedInputIsReEncryptedWithTheNewPasswordOnly() throws IOException {
        Path input = Pdfs.encrypted(tmp.resolve("in/locked.pdf"), "Locked text.", "old-pass");

        Cli.Result r = cli().env("PDFVARIANTS_PASSWORD", "old-pass").env("PDFVARIANTS_ENCRYPT_PASSWORD", "new-pass")
                .run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "encrypted", "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path pdf = tmp.resolve("out/locked/encrypted.pdf");
        assertThatThrownBy(() -> Loader.loadPDF(pdf.toFile(), "old-pass").close()).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), "new-pass")) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Locked text.");
        }
    }

    @Test
    void anUnknownPermissionIsAUsageError() throws IOException {
        Path input = Pdfs.simple(tmp.resolve("in/a.pdf"), "Some text.");
        Cli.Result r = cli().env("PDFVARIANTS_ENCRYPT_PASSWORD", "x").run("run", input.toString(), "-o",
                tmp.resolve("out").toString(), "-v", "encrypted", "--encrypt-permissions", "print,fly");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown permission 'fly'");
    }
}
