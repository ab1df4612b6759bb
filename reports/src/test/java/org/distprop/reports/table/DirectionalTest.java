package org.distprop.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected t and p from scipy 1.17 stats.ttest_ind(a, b, equal_var=False, alternative='greater'). */
class DirectionalTest {
    static final Claims.Directional CLAIM = new Claims.Directional("mnist", "top1", "distprop", "extraprop", "test");

    @Test
    void welchOneSidedMatchesScipy() {
        Directional.Result r = Directional.test(CLAIM, new double[] {0.91, 0.93, 0.92, 0.95}, new double[] {0.90, 0.89, 0.91}, 0.05);
        assertEquals(2.667891875399662, r.t(), 1e-9);
        assertEquals(0.022927920830651292, r.pOneSided(), 1e-6);
        assertEquals(Directional.SUPPORTED, r.verdict());
    }

    @Test
    void theOppositeSignificantDirectionContradicts() {
        Directional.Result r = Directional.test(CLAIM, new double[] {0.90, 0.89, 0.91}, new double[] {0.91, 0.93, 0.92, 0.95}, 0.05);
        assertEquals(0.9770720791693487, r.pOneSided(), 1e-6);
        assertEquals(Directional.CONTRADICTED, r.verdict());
    }

    @Test
    void notSignificantIsInconclusive() {
        Directional.Result r = Directional.test(CLAIM, new double[] {0.5, 0.52}, new double[] {0.51, 0.49, 0.5}, 0.05);
        assertEquals(0.2460481478197553, r.pOneSided(), 1e-6);
        assertEquals(Directional.INCONCLUSIVE, r.verdict());
    }

    @Test
    void fewerThanTwoSeedsIsNotRunAndZeroVarianceIsInconclusive() {
        assertEquals(Table1.NOT_RUN, Directional.test(CLAIM, new double[] {0.9}, new double[] {0.8, 0.7}, 0.05).verdict());
        assertEquals(Directional.INCONCLUSIVE, Directional.test(CLAIM, new double[] {0.9, 0.9}, new double[] {0.8, 0.8}, 0.05).verdict());
    }
}
