package dev.pdfvariants.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.text.HeadingLevels.Heading;

class HeadingLevelsTest {
    private final List<Heading> headings = new ArrayList<>();

    private void add(float size, boolean bold, float x, String text) {
        add(size, bold, false, x, text);
    }

    private void add(float size, boolean bold, boolean centred, float x, String text) {
        headings.add(new Heading(headings.size(), size, bold, centred, x, 612, HeadingText.numberingDepth(text)));
    }

    private List<Integer> levels() {
        Map<Integer, Integer> levels = HeadingLevels.of(headings);
        return headings.stream().map(h -> levels.get(h.index())).toList();
    }

    @Test
    void theSameStyleIndentedFurtherIsOneLevelDeeper() {
        for (int chapter = 1; chapter <= 3; chapter++) {
            add(14, true, 0, "Chapter " + chapter + ". Using the product");
            for (int section = 0; section < 2; section++) {
                add(10, true, -72, "Starting a session");
                add(10, true, -38, "Starting from the home panel");
                add(10, true, -38, "Ending a session");
            }
        }
        assertThat(levels()).containsExactly(1, 2, 3, 3, 2, 3, 3, 1, 2, 3, 3, 2, 3, 3, 1, 2, 3, 3, 2, 3, 3);
    }

    @Test
    void numberingDecidesOverFontSize() {
        add(16, true, 0, "INTRODUCTION");
        add(9, true, 0, "1.1 GEOGRAPHY, HISTORY AND POPULATION");
        add(10, true, 0, "1.1.1 Geography");
        add(10, true, 0, "1.1.2 History");
        add(9, true, 0, "1.2 MALARIA");
        add(10, true, 0, "1.2.1 Overview");
        add(16, true, 0, "POPULATION");
        add(9, true, 0, "2.1 HOUSEHOLDS");
        assertThat(levels()).containsExactly(1, 2, 3, 3, 2, 3, 1, 2);
    }

    @Test
    void aCoverLineSeenOnceDoesNotPushTheWholeDocumentDown() {
        add(25, false, 0, "Using the Product");
        add(12, false, 0, "Version 7 Release 2");
        for (int chapter = 1; chapter <= 3; chapter++) {
            add(14, true, 0, "Getting acquainted");
            add(10, true, 0, "Tables, columns and rows");
            add(10, true, 0, "Sample tables");
        }
        assertThat(levels().subList(2, 11)).containsExactly(1, 2, 2, 1, 2, 2, 1, 2, 2);
    }

    @Test
    void unnumberedPartsAboveNumberedChaptersPushTheNumberingDown() {
        for (int part = 1; part <= 2; part++) {
            add(18, true, 0, "Foundations");
            add(14, true, 0, part + " Introduction");
            add(12, true, 0, part + ".1 Scope");
        }
        assertThat(levels()).containsExactly(1, 2, 3, 1, 2, 3);
    }

    @Test
    void centredHeadingsRankAboveLeftAlignedOnesOfTheSameFont() {
        add(12, true, true, 100, "INTRODUCTION");
        add(12, true, true, 120, "ANALYTICAL METHOD");
        add(12, true, false, 0, "1. Scope and application");
        add(12, true, false, 0, "2. Summary of method");
        add(12, true, true, 110, "REFERENCES");
        assertThat(levels()).containsExactly(1, 1, 2, 2, 1);
    }
}
