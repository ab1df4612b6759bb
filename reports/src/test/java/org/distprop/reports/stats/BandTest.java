package org.distprop.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.distprop.reports.store.CsvTable;
import org.junit.jupiter.api.Test;

class BandTest {
    @Test
    void meanAndPopulationStdAtSharedStepsTruncatedToTheShortestRun() {
        CsvTable.Series a = new CsvTable.Series(new double[] {0, 10, 20, 30}, new double[] {1, 2, 3, 4});
        CsvTable.Series b = new CsvTable.Series(new double[] {0, 10, 20}, new double[] {3, 4, 7});
        Band band = Band.of(List.of(a, b), 1000);
        assertArrayEquals(new double[] {0, 10, 20}, band.x());
        assertArrayEquals(new double[] {2, 3, 5}, band.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 2}, band.std(), 1e-12); // population std of {x, y} = |x - y| / 2
        assertEquals(2, band.runs());
    }

    @Test
    void downsamplingKeepsAnEvenStrideAndTheLastPoint() {
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i;
            y[i] = i * i;
        }
        Band band = Band.of(List.of(new CsvTable.Series(x, y)), 4);
        assertArrayEquals(new double[] {0, 3, 6, 9}, band.x());
        assertArrayEquals(new double[] {0, 9, 36, 81}, band.mean(), 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, band.std(), 0);
    }

    @Test
    void sampleAndPopulationStd() {
        double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(2.0, Stats.populationStd(v), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), Stats.sampleStd(v), 1e-12);
        assertEquals(Double.NaN, Stats.sampleStd(new double[] {1}));
    }
}
