package io.opencases.web;

import io.opencases.application.port.CaseIndex;
import io.opencases.application.search.SearchCommands.CaseResults;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the workspace shows a search's count: as it is, and "10,000+" where the count stopped at its cap. */
class ListPagesCountTest {
    private static String shown(long total) {
        return ListPages.counted(new CaseResults(List.of(), null, total));
    }

    @Test
    void aCountUnderTheCapIsShownAsItIs() {
        assertThat(shown(0)).isEqualTo("0");
        assertThat(shown(1)).isEqualTo("1");
        assertThat(shown(9_999)).isEqualTo("9,999");
    }

    @Test
    void aCountAtTheCapSaysMoreMayMatch() {
        assertThat(shown(CaseIndex.COUNT_CAP)).isEqualTo("10,000+");
    }
}
