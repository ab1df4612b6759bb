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
            // table1: (5 MNIST + 5 CIFAR methods) x seeds + 4 ImageNet methods x seeds (ImageNet skipped at ci)
            "table1, ci, 20, 0", "table1, quick, 20, 0", "table1, paper, 112, 0",
            "fig2, ci, 6, 0", "fig2, quick, 6, 0", "fig2, paper, 60, 0",
            "fig3, ci, 30, 0", "fig3, quick, 30, 0", "fig3, paper, 150, 0", // 8 MNIST (dtp-fork too) + 7 CIFAR methods
            "fig4, ci, 0, 4", "fig4, quick, 0, 8", "fig4, paper, 0, 170",
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
