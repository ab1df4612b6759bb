package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A network as an ordered list of blocks; the boundaries between blocks are the split points where
 * constrained methods place auxiliary states. The last block ends in logits (log-softmax is part of
 * the loss). {@code inShape} excludes the batch dimension.
 */
public record Architecture(String name, long[] inShape, int numClasses, List<List<Layer>> blocks) {
    public Architecture {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("an architecture needs at least one block");
        }
    }

    /** Input shape of block {@code b}. */
    public long[] blockInShape(int b) {
        long[] s = inShape;
        for (int i = 0; i < b; i++) {
            for (Layer l : blocks.get(i)) {
                s = l.outShape(s);
            }
        }
        return s;
    }

    /** Output shape of block {@code b} (for b = 0 of a split net: the split width H). */
    public long[] blockOutShape(int b) {
        return blockInShape(b + 1);
    }

    /** All layers in order, one block after another. */
    public List<Layer> layers() {
        List<Layer> all = new ArrayList<>();
        blocks.forEach(all::addAll);
        return all;
    }

    /** The same layers without any split: one block (for plain backprop methods). */
    public Architecture unsplit() {
        return new Architecture(name, inShape, numClasses, List.of(layers()));
    }
}
