package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The seed mixer keeps its exact bits (every trace and golden depends on them). */
class SeedsTest {
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Test
    void mixIsSplitMix64OfTheCombinedSeed() {
        // independent reference: SplittableRandom(s).nextLong() is SplitMix64's finaliser of s + GOLDEN_GAMMA
        long[] seeds = {0, 1, -1, 42, Long.MAX_VALUE, 0x5eed_0000L};
        long[] streams = {0, 1, 7, 0x5AB5E7L, -3};
        for (long seed : seeds) {
            for (long stream : streams) {
                long state = seed * GOLDEN_GAMMA + stream + 0x632BE59BD9B4E019L - GOLDEN_GAMMA;
                assertEquals(new SplittableRandom(state).nextLong(), Seeds.mix(seed, stream), seed + "/" + stream);
                assertEquals(Seeds.mix(seed, stream), Batcher.mix(seed, stream));
            }
        }
    }
}
