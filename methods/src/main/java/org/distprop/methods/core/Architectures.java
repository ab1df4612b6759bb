package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.DatasetInfo;

/**
 * The networks of the authors' code (method-spec §1.2-1.4), each split into two blocks.
 * {@code reluAtSplit} keeps the ReLU at the end of the first block (all methods but DistProp).
 */
public final class Architectures {
    public static final List<String> NAMES = List.of("mnist-cnn", "mlp", "cifar-lenet", "alexnet", "tanh-7x240", "tanh-2x800", "tanh-2x256", "lenet");

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
            case "cifar-lenet" -> cifarLenet(in, c, reluAtSplit);
            case "alexnet" -> alexnet(in, c);
            case "tanh-7x240" -> tanhMlp("tanh-7x240", in, c, List.of(240, 240, 240, 240, 240, 240, 240));
            case "tanh-2x800" -> tanhMlp("tanh-2x800", in, c, List.of(800, 800));
            case "tanh-2x256" -> tanhMlp("tanh-2x256", in, c, List.of(256, 256)); // the DistProp DTP fork's LeeDTP net
            case "lenet" -> lenet(in, c);
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

    /**
     * PyTorch CIFAR-tutorial LeNet, split at 84 (method-spec §1.3): conv6k5-relu-pool2-conv16k5-relu-
     * pool2-flatten-fc120-relu-fc84-[relu] | fc10.
     */
    public static Architecture cifarLenet(long[] in, int classes, boolean reluAtSplit) {
        List<Layer> f0 = new ArrayList<>(List.of(new Layer.Conv(6, 5, 1, 0), new Layer.Relu(), new Layer.MaxPool(2, 2),
                new Layer.Conv(16, 5, 1, 0), new Layer.Relu(), new Layer.MaxPool(2, 2), new Layer.Flatten(),
                new Layer.Dense(120), new Layer.Relu(), new Layer.Dense(84)));
        if (reluAtSplit) {
            f0.add(new Layer.Relu());
        }
        return new Architecture("cifar-lenet", in, classes, List.of(f0, List.of(new Layer.Dense(classes))));
    }

    /**
     * torchvision 0.8 AlexNet without the adaptive average pool (the identity at 224x224), split after
     * the convolutional features at 9216 (method-spec §1.4). The split is a max-pool of ReLUs, so
     * there is no ReLU to remove for DistProp and {@code reluAtSplit} does not apply. No LRN.
     */
    public static Architecture alexnet(long[] in, int classes) {
        List<Layer> features = List.of(
                new Layer.Conv(64, 11, 4, 2), new Layer.Relu(), new Layer.MaxPool(3, 2),
                new Layer.Conv(192, 5, 1, 2), new Layer.Relu(), new Layer.MaxPool(3, 2),
                new Layer.Conv(384, 3, 1, 1), new Layer.Relu(),
                new Layer.Conv(256, 3, 1, 1), new Layer.Relu(),
                new Layer.Conv(256, 3, 1, 1), new Layer.Relu(), new Layer.MaxPool(3, 2), new Layer.Flatten());
        List<Layer> classifier = List.of(
                new Layer.Dropout(0.5f), new Layer.Dense(4096), new Layer.Relu(),
                new Layer.Dropout(0.5f), new Layer.Dense(4096), new Layer.Relu(), new Layer.Dense(classes));
        return new Architecture("alexnet", in, classes, List.of(features, classifier));
    }

    /**
     * A tanh MLP split before the read-out (the baselines' MLPs: Lee et al. 2015's 7x240 DTP net,
     * Nøkland 2016's 2x800 DFA net, the DistProp DTP fork's 2x256; baselines-spec §1.6, §2.5). The tanh at the split is always kept.
     */
    public static Architecture tanhMlp(String name, long[] in, int classes, List<Integer> hidden) {
        List<Layer> f0 = new ArrayList<>(List.of(new Layer.Flatten()));
        for (int h : hidden) {
            f0.add(new Layer.Dense(h));
            f0.add(new Layer.Tanh());
        }
        return new Architecture(name, in, classes, List.of(f0, List.of(new Layer.Dense(classes))));
    }

    /**
     * IBM online-alt-min's LeNet (kuangliu/pytorch-cifar; baselines-spec §3.1), the OAM baseline's
     * network: conv5x5-6-relu-maxpool2-conv5x5-16-relu-maxpool2-flatten-fc120-relu-fc84-relu | fc10.
     */
    public static Architecture lenet(long[] in, int classes) {
        Architecture a = cifarLenet(in, classes, true); // the same LeNet, ReLU kept at 84
        return new Architecture("lenet", a.inShape(), a.numClasses(), a.blocks());
    }
}
