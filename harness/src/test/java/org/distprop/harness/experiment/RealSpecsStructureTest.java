package org.distprop.harness.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in paper specs are well-formed at every profile and expand to the expected number of
 * cells, checked without the method/dataset registries (structure only), so this runs on a build
 * that lacks some methods. Full validation and the ci runs are in {@link RealSpecsCiTest}.
 */
class RealSpecsStructureTest {
    @ParameterizedTest(name = "{0} at {1}: {2} cells, {3} trials")
    @CsvSource({
            // table1: (7 MNIST + 7 CIFAR methods, ExtraProp and DistProp in both configurations) x seeds + 4 ImageNet
            // methods x seeds (ImageNet skipped at ci); early: the MNIST block only, 1 seed
            "table1, ci, 28, 0", "table1, quick, 28, 0", "table1, early, 7, 0", "table1, paper, 152, 0",
            "fig2, ci, 10, 0", "fig2, quick, 10, 0", "fig2, early, 5, 0", "fig2, paper, 100, 0",
            // fig3: 7 + DTP, dtp-fork, OAM on MNIST, 7 + DTP, OAM on CIFAR-10; early: the 7 MNIST Lagrangian-family cells
            "fig3, ci, 38, 0", "fig3, quick, 38, 0", "fig3, early, 7, 0", "fig3, paper, 190, 0",
            "fig4, ci, 0, 4", "fig4, quick, 0, 6", "fig4, paper, 0, 170",
            "fig4-asrun, ci, 0, 4", "fig4-asrun, quick, 0, 6", "fig4-asrun, paper, 0, 170",
            "scaling, ci, 6, 0", "scaling, quick, 12, 0", "scaling, paper, 12, 0"})
    void builtInSpecExpands(String name, String profile, int cells, int trials) {
        ExperimentSpec s = ExperimentSpec.load(name);
        var e = s.expand(profile, true);
        assertEquals(cells, e.cells().size());
        assertEquals(trials, e.trials());
        if (trials > 0) {
            assertNotNull(e.sweep());
        }
    }
}
