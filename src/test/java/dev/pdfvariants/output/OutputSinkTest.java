package dev.pdfvariants.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.OutputFile;

class OutputSinkTest {
    /** The SHA-256 of "hello". */
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path tmp;

    @Test
    void filesAppearOnlyOnCommitWithSizeAndDigest() throws IOException {
        OutputLayout layout = new OutputLayout(tmp);
        OutputSink sink = new OutputSink(layout, layout.documentDir("a/doc.pdf"), Cancellation.none());
        sink.writeString("text.txt", "hello");
        sink.writeString("thumbnails/page-1.png", "png");
        assertThat(tmp.resolve("a/doc/text.txt")).doesNotExist();

        List<OutputFile> files = sink.commit();

        assertThat(files).extracting(OutputFile::path).containsExactly("a/doc/text.txt", "a/doc/thumbnails/page-1.png");
        assertHello(files.get(0), tmp.resolve("a/doc/text.txt"));
        assertThat(Files.list(tmp.resolve("a/doc")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX));
    }

    /** The manifest's entry and the file on disk of an output holding "hello". */
    private static void assertHello(OutputFile listed, Path onDisk) throws IOException {
        assertThat(listed.bytes()).isEqualTo(5);
        assertThat(listed.sha256()).isEqualTo(HELLO_SHA256);
        assertThat(Files.readString(onDisk)).isEqualTo("hello");
    }

    @Test
    void abortKeepsThePreviousOutputIntact() throws IOException {
        OutputLayout layout = new OutputLayout(tmp);
        Path dir = layout.documentDir("doc.pdf");
        OutputSink first = new OutputSink(layout, dir, Cancellation.none());
        first.writeString("text.txt", "version 1");
        first.commit();

        OutputSink second = new OutputSink(layout, dir, Cancellation.none());
        second.writeString("text.txt", "version 2, half-way");
        second.abort();

        assertThat(Files.readString(dir.resolve("text.txt"))).isEqualTo("version 1");
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void aCancelledSinkRefusesToCommit() throws IOException {
        OutputLayout layout = new OutputLayout(tmp);
        Cancellation cancellation = new Cancellation();
        OutputSink sink = new OutputSink(layout, layout.documentDir("doc.pdf"), cancellation);
        sink.writeString("text.txt", "late");
        cancellation.cancel("timed out");

        assertThatThrownBy(sink::commit).isInstanceOf(CancellationException.class);
        assertThat(tmp.resolve("doc/text.txt")).doesNotExist();
    }

    @Test
    void anAdoptedTemporaryFileIsRenamedIntoPlaceOnCommitWithTheUsualPermissionsOrDeletedOnAbort() throws IOException {
        OutputLayout layout = new OutputLayout(tmp);
        Path dir = layout.documentDir("doc.pdf");
        OutputSink sink = new OutputSink(layout, dir, Cancellation.none());
        sink.writeString("text.txt", "written");
        Path temp = AtomicFiles.createTemporary(dir, "save");
        Files.writeString(temp, "hello");
        sink.adopt("pages/page-1.pdf", temp);
        assertThat(dir.resolve("pages/page-1.pdf")).doesNotExist();

        List<OutputFile> files = sink.commit();

        assertThat(files).extracting(OutputFile::path).containsExactly("doc/pages/page-1.pdf", "doc/text.txt");
        assertHello(files.get(0), dir.resolve("pages/page-1.pdf"));
        assertThat(temp).doesNotExist();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) { // not Files.createTempFile's owner-only
            assertThat(Files.getPosixFilePermissions(dir.resolve("pages/page-1.pdf")))
                    .isEqualTo(Files.getPosixFilePermissions(dir.resolve("text.txt")));
        }

        OutputSink failing = new OutputSink(layout, dir, Cancellation.none());
        Path second = AtomicFiles.createTemporary(dir, "save");
        Files.writeString(second, "half");
        failing.adopt("pages/page-1.pdf", second);
        failing.abort();
        assertThat(second).doesNotExist();
        assertThat(Files.readString(dir.resolve("pages/page-1.pdf"))).isEqualTo("hello");
    }

    @Test
    void onlyOurTemporaryFilesInTheDocumentDirectoryCanBeAdopted() throws IOException {
        OutputLayout layout = new OutputLayout(tmp);
        Path dir = layout.documentDir("doc.pdf");
        OutputSink sink = new OutputSink(layout, dir, Cancellation.none());
        Path input = Files.writeString(Files.createDirectories(dir).resolve("input.pdf"), "an input");
        assertThatThrownBy(() -> sink.adopt("copy.pdf", input)).isInstanceOf(IllegalArgumentException.class);
        Path elsewhere = AtomicFiles.createTemporary(Files.createDirectories(tmp.resolve("other")), "save");
        assertThatThrownBy(() -> sink.adopt("copy.pdf", elsewhere)).isInstanceOf(IOException.class);
        assertThat(input).exists();
        assertThat(elsewhere).exists();
    }

    @Test
    void namesCannotEscapeTheDocumentDirectory() {
        OutputLayout layout = new OutputLayout(tmp);
        OutputSink sink = new OutputSink(layout, layout.documentDir("doc.pdf"), Cancellation.none());
        assertThatThrownBy(() -> sink.writeString("../escape.txt", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sink.writeString("/etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void documentDirectoriesDropThePdfExtensionButNeverCollideWithTheRunDirectory() {
        assertThat(OutputLayout.documentKey("reports/a.pdf")).isEqualTo("reports/a");
        assertThat(OutputLayout.documentKey("A.PDF")).isEqualTo("A");
        assertThat(OutputLayout.documentKey("_run.pdf")).isEqualTo("_run.pdf");
        assertThat(OutputLayout.documentKey("scan.bin")).isEqualTo("scan.bin");
    }

    @Test
    void sweepRemovesTemporaryFilesLeftByAKilledRun() throws IOException {
        Files.writeString(tmp.resolve(".text.txt.1234" + AtomicFiles.TEMP_SUFFIX), "partial");
        Files.writeString(tmp.resolve("text.txt"), "complete");
        AtomicFiles.sweepTemporaryFiles(tmp);
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).containsExactly("text.txt");
    }

    @Test
    void aSweepWithATimeLeavesTheTemporaryFilesOfWritesInProgress() throws IOException {
        Path old = tmp.resolve(".page-1.png.1234" + AtomicFiles.TEMP_SUFFIX);
        Path fresh = tmp.resolve(".page-2.png.5678" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(old, "left by a killed run");
        Files.writeString(fresh, "being written");
        FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(old, FileTime.fromMillis(started.toMillis() - 1_000));
        Files.setLastModifiedTime(fresh, FileTime.fromMillis(started.toMillis() + 1_000));
        AtomicFiles.sweepTemporaryFiles(tmp, started);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }
}
