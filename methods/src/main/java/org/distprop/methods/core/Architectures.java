package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.DatasetInfo;

/**
 * The networks of the authors' code (method-spec §1.2-1.4), each split into two blocks.
 * {@code reluAtSplit} keeps the ReLU at the end of the first block (all methods but DistProp).
 */
public final class Architectures {
    public static final List<String> NAMES = List.of("mnist-cnn", "mlp");

    private Architectures() {
    }

    /** The architecture the paper used for a dataset. */
    public static String defaultFor(String dataset) {
        return switch (dataset) {
            case "cifar10" -> "cifar-lenet";
            case "imagenet" -> "alexnet";
            default -> "mnist-cnn";
        };
    }

    public static Architecture build(String name, DatasetInfo data, boolean reluAtSplit) {
        long[] in = {data.shape().height(), data.shape().width(), data.shape().channels()};
        int c = data.numClasses();
        return switch (name) {
            case "mnist-cnn" -> mnistCnn(in, c, reluAtSplit);
            case "mlp" -> mlp(in, c, List.of(256, 256), reluAtSplit);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "'; valid: " + String.join(", ", NAMES));
        };
    }

    /**
     * PyTorch MNIST-example ConvNet without dropout, split after fc128 (method-spec §1.2):
     * conv32-relu-conv64-relu-maxpool2-flatten-fc128-[relu] | fc10.
     */
    public static Architecture mnistCnn(long[] in, int classes, boolean reluAtSplit) {
        List<Layer> f0 = new ArrayList<>(List.of(new Layer.Conv(32, 3, 1, 0), new Layer.Relu(), new Layer.Conv(64, 3, 1, 0),
                new Layer.Relu(), new Layer.MaxPool(2, 2), new Layer.Flatten(), new Layer.Dense(128)));
        if (reluAtSplit) {
            f0.add(new Layer.Relu());
        }
        return new Architecture("mnist-cnn", in, classes, List.of(f0, List.of(new Layer.Dense(classes))));
    }

    /** A ReLU MLP split after the last hidden layer. */
    public static Architecture mlp(long[] in, int classes, List<Integer> hidden, boolean reluAtSplit) {
        List<Layer> f0 = new ArrayList<>(List.of(new Layer.Flatten()));
        for (int i = 0; i < hidden.size(); i++) {
            f0.add(new Layer.Dense(hidden.get(i)));
            if (i < hidden.size() - 1 || reluAtSplit) {
                f0.add(new Layer.Relu());
            }
        }
        return new Architecture("mlp", in, classes, List.of(f0, List.of(new Layer.Dense(classes))));
    }
}
