package org.distprop.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.distprop.reports.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's ImageNet DTP and "DFA" rows are Bartunov et al. 2018's numbers (baselines-spec §0.1): they are
 * literature rows with their source and no verdict, and our dtp / fa / dfa cells sit under them as new
 * measurements, never compared with them.
 */
class LiteratureRowsTest {
    @TempDir
    Path tmp;

    @Test
    void imagenetBaselinesAreLiteratureNotClaims() {
        Claims c = Claims.load(null);
        assertTrue(c.cells().stream().noneMatch(x -> x.dataset().equals("imagenet") && !x.method().equals("distprop")),
                "only DistProp's ImageNet row is the paper's own run");
        assertEquals(4, c.literature().size());
        Claims.Literature fa = c.literature().stream().filter(l -> l.label().startsWith("FA") && l.metric().equals("top1")).findFirst().orElseThrow();
        assertEquals(0.0692, fa.accuracy());
        assertTrue(fa.source().contains("Bartunov et al. 2018") && fa.source().contains("FA (not DFA)"), fa.source());
        assertEquals(List.of("fa", "dfa"), fa.ours());
    }

    @Test
    void literatureRowsHaveNoVerdictAndOurRunsAreNotComparedWithThem() {
        List<Table1.Row> rows = Table1.compute(ResultsStore.open(tmp, null, null), Claims.load(null));
        List<Table1.Row> imagenetTop1 = rows.stream().filter(r -> r.dataset().equals("imagenet") && r.metric().equals("top1")).toList();
        assertEquals(List.of("distprop", "DTP (Bartunov et al. 2018)", "dtp", "FA (Bartunov et al. 2018)", "fa", "dfa"),
                imagenetTop1.stream().map(Table1.Row::method).toList());
        for (Table1.Row r : imagenetTop1) {
            if (r.method().contains("Bartunov")) {
                assertEquals(Table1.LITERATURE, r.verdict());
                assertTrue(r.note().contains("Bartunov et al. 2018"), r.note());
            } else if (!r.method().equals("distprop")) {
                assertTrue(Double.isNaN(r.paper()), r.method() + " must not carry the literature number as its paper value");
                assertEquals(Table1.NOT_RUN, r.verdict()); // no runs in the empty store; "new measurement" once a seed completes
            }
        }
    }
}
