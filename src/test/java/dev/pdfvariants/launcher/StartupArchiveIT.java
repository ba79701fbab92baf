package dev.pdfvariants.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: the class-data sharing archive of {@code bin/pdfvariants}, in a release layout
 * ({@code bin/} + {@code lib/}): made on first launch, used afterwards, remade when the jar
 * changes, ignored when broken, placed in the user's cache when {@code lib/} is read-only.
 */
class StartupArchiveIT {
    private static final Path HOME = Path.of(System.getProperty("pdfvariants.home", ".")).toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("pdfvariants.jar", "target/pdfvariants.jar"))
            .toAbsolutePath();

    @TempDir
    Path tmp;

    Path install;
    Path archive;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void install() throws IOException {
        install = tmp.resolve("pdfvariants-0.1.0");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("lib"));
        Files.copy(HOME.resolve("bin/pdfvariants"), install.resolve("bin/pdfvariants"));
        Files.copy(JAR, install.resolve("lib/pdfvariants.jar"));
        archive = install.resolve("lib/pdfvariants.jsa");
    }

    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/pdfvariants").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().remove("PDFVARIANTS_CDS");
        pb.environment().putAll(env);
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8));
    }

    /** True when the JVM of this launch loaded classes from the dynamic archive. */
    private boolean usedArchive(String... args) throws IOException, InterruptedException {
        Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
        Run r = launch(Map.of("PDFVARIANTS_JAVA_OPTS", "-Xlog:class+load:file=" + log), args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Files.readString(log).contains("shared objects file (top)");
    }

    @Test
    void theFirstLaunchMakesTheArchiveAndTheNextOnesUseIt() throws Exception {
        Run first = launch(Map.of(), "run", "--help");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(archive).isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        assertThat(install.resolve("lib/pdfvariants.jsa.key")).isRegularFile();
        assertThat(usedArchive("run", "--help")).isTrue();
        assertThat(usedArchive("variants")).isTrue();
    }

    @Test
    void aLoneVersionNeitherMakesNorUsesTheArchive() throws Exception {
        Run r = launch(Map.of(), "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("pdfvariants ");
        assertThat(archive).doesNotExist();
    }

    @Test
    void aNewJarGetsANewArchive() throws Exception {
        assertThat(launch(Map.of(), "variants").exitCode()).isZero();
        FileTime made = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(install.resolve("lib/pdfvariants.jar"), FileTime.fromMillis(made.toMillis() + 5000));
        assertThat(usedArchive("variants")).as("remade for the new jar and used").isTrue();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(made);
    }

    @Test
    void aBrokenArchiveIsIgnoredWithoutAWord() throws Exception {
        assertThat(launch(Map.of(), "variants").exitCode()).isZero();
        Files.delete(archive);
        Files.writeString(archive, "not an archive");
        Run r = launch(Map.of(), "run", HOME.resolve("samples/reports").toString(), "-o", "out", "--progress", "none");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("cds").doesNotContain("shared archive");
        assertThat(tmp.resolve("out/rooftop-gardens-report/text.txt")).isRegularFile();
    }

    @Test
    void aReadOnlyInstallationKeepsItsArchiveInTheUsersCache() throws Exception {
        Files.setPosixFilePermissions(install.resolve("lib"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(install.resolve("lib")),
                    "running as a user who can write anywhere (root)");
            assertThat(usedArchive("variants")).as("first launch makes it").isFalse();
            assertThat(usedArchive("variants")).isTrue();
            try (var files = Files.list(tmp.resolve("cache/pdfvariants"))) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("cds-\\d+\\.jsa"));
            }
        } finally {
            Files.setPosixFilePermissions(install.resolve("lib"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void helpAndVersionStartNeitherLoggingNorTelemetryNorPdfParsing() throws Exception {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"report", "--help"})) {
            Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
            Run r = launch(Map.of("PDFVARIANTS_JAVA_OPTS", "-Xlog:class+load:file=" + log, "PDFVARIANTS_CDS", "off"),
                    args);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(Files.readAllLines(log)).as(String.join(" ", args))
                    .noneMatch(l -> l.matches(".*\\b(ch\\.qos\\.logback|org\\.slf4j|io\\.opentelemetry|io\\.micrometer"
                            + "|io\\.prometheus|org\\.apache\\.pdfbox|com\\.fasterxml)\\..*"))
                    .anyMatch(l -> l.contains("dev.pdfvariants.cli.Main"));
        }
    }

    @Test
    void cdsOffMakesNoArchive() throws Exception {
        assertThat(launch(Map.of("PDFVARIANTS_CDS", "off"), "variants").exitCode()).isZero();
        assertThat(archive).doesNotExist();
    }
}
