package dev.pdfvariants.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void onlyABatchWarmsUpTheJsonAndPdfClasses() {
        assertThat(Main.processesDocuments(new String[] {"run", "in", "-o", "out"})).isTrue();
        assertThat(Main.processesDocuments(new String[] {"--log-format", "json", "run", "in"})).isTrue();
        assertThat(Main.processesDocuments(new String[] {"run", "--help"})).isFalse();
        assertThat(Main.processesDocuments(new String[] {"run", "-h"})).isFalse();
        assertThat(Main.processesDocuments(new String[] {"--help"})).isFalse();
        assertThat(Main.processesDocuments(new String[] {"report", "out"})).isFalse();
        assertThat(Main.processesDocuments(new String[0])).isFalse();
    }
}
