package dev.pdfvariants.progress;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.Corpus;

/** The progress bar on a terminal, plain lines elsewhere, nothing with none. */
class ProgressDisplayTest {
    private static final String ERASE = "\r\033[2K";

    @TempDir
    Path tmp;

    @Test
    void theBarShowsCountPercentageRateEtaAndFailures() {
        assertThat(ProgressBar.render(42, 2, 120, Duration.ofSeconds(10)))
                .isEqualTo("pdfvariants: [########----------------] 42/120  35%  4.2/s  ETA 0:19  2 failed");
        assertThat(ProgressBar.render(42, 0, -1, Duration.ofSeconds(10)))
                .isEqualTo("pdfvariants: 42 documents  4.2/s  ETA --:--  0 failed");
        assertThat(ProgressBar.render(120, 0, 120, Duration.ofSeconds(60)))
                .startsWith("pdfvariants: [########################] 120/120 100%");
        assertThat(ProgressBar.clockTime(3725)).isEqualTo("1:02:05");
    }

    @Test
    void aBarRunDrawsInPlaceAndPrintsFailuresAndTheSummaryOnCleanLines() {
        Cli.Result r = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(), "--progress",
                "bar");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).containsPattern("\\Q" + ERASE + "\\Epdfvariants: (\\[[#-]{24}\\] \\d/5 |\\d documents? ).*1 failed")
                .contains(ERASE + "pdfvariants: 5 documents in");
        assertThat(java.util.Arrays.stream(r.err().split("\n")).filter(l -> l.contains("failed: broken/truncated-download.pdf")))
                .as("a failure is printed on a line of its own, never after the bar")
                .singleElement().asString().matches("(\\Q" + ERASE + "\\E)?pdfvariants: failed: .*");
        String afterLastErase = r.err().substring(r.err().lastIndexOf(ERASE) + ERASE.length());
        assertThat(afterLastErase).startsWith("pdfvariants: 5 documents in").doesNotContain("\r");
    }

    @Test
    void logLinesNeverRunIntoTheBar() {
        Cli.Result r = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("out").toString(), "--progress",
                "bar", "--log-level", "debug");
        List<String> logLines = java.util.Arrays.stream(r.err().split("\n")).filter(l -> l.contains(" DEBUG ") || l.contains(" WARN ")).toList();
        // what a terminal shows of a line: the text after its last carriage return and erase
        assertThat(logLines).isNotEmpty().allSatisfy(l -> assertThat(l.substring(l.lastIndexOf(ERASE) + 1).replace(ERASE.substring(1), ""))
                .as("a log line starts on a line of its own").matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
    }

    @Test
    void autoShowsNoBarWithoutATerminalAndNoneShowsNoProgress() {
        Cli.Result auto = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("a").toString());
        assertThat(auto.err()).doesNotContain("\r").contains("pdfvariants: 5 documents in");
        Cli.Result none = cli().run("run", Corpus.samples().toString(), "-o", tmp.resolve("b").toString(), "--progress",
                "none");
        assertThat(none.err()).doesNotContain("\r").doesNotContain("documents done");
    }

    @Test
    void onlyAnInteractiveTerminalCountsAsOne() {
        assertThat(Terminal.stderrIsTerminal(Map.of())).isFalse();
        assertThat(Terminal.stderrIsTerminal(Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.stderrIsTerminal(Map.of("TERM", "xterm-256color", "CI", "true"))).isFalse();
        // under the test runner stderr is a pipe or a file, never a terminal
        assertThat(Terminal.stderrIsTerminal(Map.of("TERM", "xterm-256color"))).isFalse();
    }
}
