package dev.pdfvariants.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Independent judges of the PDFs the tool writes: {@code qpdf --check} and poppler's
 * {@code pdftotext}, run as subprocesses. Tests that need them call {@link #requireQpdf()} /
 * {@link #requirePdftotext()}, which skip when the tool is not installed ({@code .ci/run} installs
 * both).
 */
public final class PdfTools {
    private PdfTools() {
    }

    /** What a tool printed and returned. */
    public record Run(int exitCode, String out) {
    }

    public static void requireQpdf() {
        assumeTrue(installed("qpdf"), "qpdf is not installed");
    }

    public static void requirePdftotext() {
        assumeTrue(installed("pdftotext"), "pdftotext (poppler-utils) is not installed");
    }

    private static boolean installed(String tool) {
        try {
            return run(List.of(tool, "--version")).exitCode() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asserts that qpdf finds neither errors nor warnings in the file. */
    public static void assertQpdfCheckPasses(Path pdf, String password) throws IOException {
        List<String> command = new ArrayList<>(List.of("qpdf", "--check"));
        if (password != null) {
            command.add("--password=" + password);
        }
        command.add(pdf.toString());
        Run r = run(command);
        assertThat(r.exitCode()).as("qpdf --check %s:%n%s", pdf, r.out()).isZero();
    }

    /** The text of pages {@code first} to {@code last} (1-based; 0 for all), as pdftotext reads it. */
    public static String pdftotext(Path pdf, String password, int first, int last) throws IOException {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-q"));
        if (password != null) {
            command.addAll(List.of("-upw", password));
        }
        if (first > 0) {
            command.addAll(List.of("-f", Integer.toString(first), "-l", Integer.toString(last)));
        }
        command.addAll(List.of(pdf.toString(), "-"));
        Run r = run(command);
        assertThat(r.exitCode()).as("pdftotext %s: %s", pdf, r.out()).isZero();
        return r.out();
    }

    public static String pdftotext(Path pdf) throws IOException {
        return pdftotext(pdf, null, 0, 0);
    }

    /** Opens the file with PDFBox (it must parse) and returns the number of pages reachable in its page tree. */
    public static int pdfboxPages(Path pdf, String password) throws IOException {
        try (PDDocument doc = password == null ? Loader.loadPDF(pdf.toFile()) : Loader.loadPDF(pdf.toFile(), password)) {
            int pages = 0;
            for (var ignored : doc.getPages()) {
                pages++;
            }
            return pages;
        }
    }

    /** Every {@code *.pdf} under a directory, sorted. */
    public static List<Path> pdfsUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    public static Run run(List<String> command) throws IOException {
        Path log = Files.createTempFile("pdftool", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 120 s");
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
