package org.distprop.harness.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.distprop.datasets.Seeds;

/**
 * Chooses the parameters of the next trial from the finished ones. Deterministic: the proposal for
 * trial i is a function of (sweep seed, i, history), which is what makes a sweep resumable from its
 * history file alone.
 */
public interface Proposer {
    /** Parameters for trial {@code trial}, or null when the search space is exhausted (grid). */
    Map<String, String> propose(int trial, List<Trial> history);

    static Proposer create(String method, List<Param> space, long seed, int initialRandom) {
        return switch (method) {
            case "bayes" -> new BayesOptimizer(space, seed, initialRandom);
            case "random" -> new RandomSearch(space, seed);
            case "grid" -> new GridSearch(space);
            default -> throw new IllegalArgumentException("unknown search method '" + method + "'; valid: bayes, random, grid");
        };
    }

    /** Seeded stream of trial {@code trial}: the same numbers whenever the trial is proposed again. */
    static SplittableRandom rng(long seed, int trial) {
        return new SplittableRandom(Seeds.mix(seed, 0x5eed_0000L + trial));
    }

    static Map<String, String> decode(List<Param> space, double[] u) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < space.size(); i++) {
            m.put(space.get(i).name(), space.get(i).decode(u[i]));
        }
        return m;
    }

    static double[] encode(List<Param> space, Map<String, String> params) {
        double[] u = new double[space.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = space.get(i).encode(params.get(space.get(i).name()));
        }
        return u;
    }

    static double[] uniform(SplittableRandom r, int d) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = r.nextDouble();
        }
        return u;
    }

    /** Uniform sampling of the unit cube, independently per trial. */
    final class RandomSearch implements Proposer {
        private final List<Param> space;
        private final long seed;

        public RandomSearch(List<Param> space, long seed) {
            this.space = space;
            this.seed = seed;
        }

        @Override
        public Map<String, String> propose(int trial, List<Trial> history) {
            return decode(space, uniform(rng(seed, trial), space.size()));
        }
    }

    /** Every combination of the (categorical) values, in order; the last parameter varies fastest. */
    final class GridSearch implements Proposer {
        private final List<Param> space;

        public GridSearch(List<Param> space) {
            for (Param p : space) {
                if (!(p instanceof Param.Choice)) {
                    throw new IllegalArgumentException("grid search needs a 'values' list for every parameter; " + p.name() + " is a range");
                }
            }
            this.space = space;
        }

        public long size() {
            long n = 1;
            for (Param p : space) {
                n *= ((Param.Choice) p).values().size();
            }
            return n;
        }

        @Override
        public Map<String, String> propose(int trial, List<Trial> history) {
            if (trial >= size()) {
                return null;
            }
            Map<String, String> m = new LinkedHashMap<>();
            long rest = trial;
            String[] vals = new String[space.size()];
            for (int i = space.size() - 1; i >= 0; i--) {
                List<String> v = ((Param.Choice) space.get(i)).values();
                vals[i] = v.get((int) (rest % v.size()));
                rest /= v.size();
            }
            for (int i = 0; i < vals.length; i++) {
                m.put(space.get(i).name(), vals[i]);
            }
            return m;
        }
    }
}
