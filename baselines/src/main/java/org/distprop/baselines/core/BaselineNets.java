package org.distprop.baselines.core;

import org.distprop.methods.core.Architectures;

/**
 * The default network of a layer-local baseline for a dataset. On MNIST each baseline keeps its
 * reference's own network (Lee's or Nøkland's tanh MLP, IBM's LeNet); on CIFAR-10 and ImageNet it runs
 * on the network DistProp used there (the CIFAR LeNet, AlexNet), because the paper's Table 1 / Fig. 3
 * compare on those nets (baselines-spec §7.3, §7.4). Specs name {@code arch} explicitly anyway.
 */
public final class BaselineNets {
    private BaselineNets() {
    }

    /** {@code mnistNet} on MNIST (and any other dataset), the paper's net on cifar10 and imagenet. */
    public static String defaultArch(String dataset, String mnistNet) {
        return switch (dataset) {
            case "cifar10", "imagenet", "imagenet-synthetic" -> Architectures.defaultFor(dataset.startsWith("imagenet") ? "imagenet" : dataset);
            default -> mnistNet;
        };
    }
}
