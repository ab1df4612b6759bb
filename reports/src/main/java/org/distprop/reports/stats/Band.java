package org.distprop.reports.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.distprop.reports.store.CsvTable;

/**
 * Mean and population std across runs at each x they all share - the aggregation of the paper's
 * plots (method-spec §4.2): runs are truncated to the shortest one, then averaged point-wise.
 * At most {@code maxPoints} x values are kept (evenly strided, the last always kept), like the
 * paper's wandb history sampled with samples=1000.
 */
public record Band(double[] x, double[] mean, double[] std, int runs) {
    public static final int MAX_POINTS = 1000;

    public static Band of(List<CsvTable.Series> runs, int maxPoints) {
        if (runs.isEmpty()) {
            return new Band(new double[0], new double[0], new double[0], 0);
        }
        List<Map<Double, Double>> maps = new ArrayList<>();
        TreeSet<Double> common = null;
        for (CsvTable.Series s : runs) {
            Map<Double, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < s.size(); i++) {
                m.put(s.x()[i], s.y()[i]);
            }
            maps.add(m);
            if (common == null) {
                common = new TreeSet<>(m.keySet());
            } else {
                common.retainAll(m.keySet());
            }
        }
        List<Double> xs = new ArrayList<>(common);
        int stride = Math.max(1, (int) Math.ceil(xs.size() / (double) maxPoints));
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < xs.size(); i += stride) {
            kept.add(xs.get(i));
        }
        if (!xs.isEmpty() && !kept.get(kept.size() - 1).equals(xs.get(xs.size() - 1))) {
            kept.add(xs.get(xs.size() - 1));
        }
        double[] x = new double[kept.size()];
        double[] mean = new double[kept.size()];
        double[] std = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            double[] v = new double[maps.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = maps.get(r).get(kept.get(i));
            }
            x[i] = kept.get(i);
            mean[i] = Stats.mean(v);
            std[i] = Stats.populationStd(v);
        }
        return new Band(x, mean, std, runs.size());
    }

    public int size() {
        return x.length;
    }
}
