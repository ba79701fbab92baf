package dev.pdfvariants.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageRangesTest {

    @Test
    void singlePagesClosedOpenAndLeadingRangesResolveAgainstThePageCount() {
        PageRanges ranges = PageRanges.parse(" 2, 4-6 ,9-, -2 ");
        assertThat(ranges.spec()).isEqualTo("2,4-6,9-,-2");
        assertThat(ranges.resolve(10)).containsExactly(new PageRanges.Range(2, 2), new PageRanges.Range(4, 6),
                new PageRanges.Range(9, 10), new PageRanges.Range(1, 2));
        assertThat(ranges.pages(10)).containsExactly(2, 4, 5, 6, 9, 10, 1);
    }

    @Test
    void rangesPastTheEndAreDroppedAndReportedAndOverhangingOnesClipped() {
        PageRanges ranges = PageRanges.parse("1-3,5-8,12");
        assertThat(ranges.resolve(6)).containsExactly(new PageRanges.Range(1, 3), new PageRanges.Range(5, 6));
        assertThat(ranges.beyond(6)).containsExactly("12");
        assertThat(PageRanges.parse("8-").beyond(3)).containsExactly("8-");
    }

    @Test
    void allMeansEveryPage() {
        assertThat(PageRanges.all().pages(3)).isEqualTo(List.of(1, 2, 3));
        assertThat(PageRanges.parse("ALL").pages(0)).isEmpty();
    }

    @Test
    void malformedRangesAreRejectedWithAnExample() {
        for (String bad : new String[] {"", "0", "a", "3-1", "1,,2", "-", "1-2-3", "99999999999"}) {
            assertThatThrownBy(() -> PageRanges.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageFindingMatch("e\\.g\\.|write it as");
        }
    }
}
