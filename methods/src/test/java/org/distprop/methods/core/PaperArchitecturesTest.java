package org.distprop.methods.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.junit.jupiter.api.Test;

/** Shapes and parameter counts of the CIFAR LeNet and AlexNet against their PyTorch originals. */
class PaperArchitecturesTest {
    static long parameters(Architecture a) {
        long n = 0;
        for (int b = 0; b < a.blocks().size(); b++) {
            long[] s = a.blockInShape(b);
            for (Layer l : a.blocks().get(b)) {
                for (long[] p : l.paramShapes(s)) {
                    long k = 1;
                    for (long d : p) {
                        k *= d;
                    }
                    n += k;
                }
                s = l.outShape(s);
            }
        }
        return n;
    }

    @Test
    void cifarLenetSplitsAt84AndHasThePytorchTutorialParameterCount() {
        var data = new DatasetInfo("cifar10", new ImageShape(32, 32, 3), 10, 50_000);
        Architecture a = Architectures.build("cifar-lenet", data, true);
        assertEquals(2, a.blocks().size());
        assertArrayEquals(new long[] {84}, a.blockOutShape(0));
        assertArrayEquals(new long[] {10}, a.blockOutShape(1));
        // conv1 456 + conv2 2,416 + fc1 48,120 + fc2 10,164 + fc3 850 (torch Net of the CIFAR tutorial)
        assertEquals(62_006, parameters(a));
        assertEquals(a.blocks().get(0).size() - 1, Architectures.build("cifar-lenet", data, false).blocks().get(0).size());
        assertEquals("cifar-lenet", Architectures.defaultFor("cifar10"));
    }

    @Test
    void alexnetSplitsAfterTheFeaturesAt9216WithTorchvisionParameterCount() {
        var data = new DatasetInfo("imagenet", new ImageShape(224, 224, 3), 1000, 1_281_167);
        Architecture a = Architectures.build("alexnet", data, true);
        var feats0 = a.blocks().get(0);
        long[] beforeFlatten = a.blockInShape(0);
        for (Layer l : feats0.subList(0, feats0.size() - 1)) {
            beforeFlatten = l.outShape(beforeFlatten);
        }
        assertArrayEquals(new long[] {6, 6, 256}, beforeFlatten);
        assertArrayEquals(new long[] {9216}, a.blockOutShape(0));
        assertArrayEquals(new long[] {1000}, a.blockOutShape(1));
        // torchvision.models.alexnet(): 61,100,840 parameters (features 2,469,696 + classifier 58,631,144)
        assertEquals(61_100_840, parameters(a));
        long[] s = a.blockInShape(0);
        long feats = 0;
        for (Layer l : a.blocks().get(0)) {
            for (long[] p : l.paramShapes(s)) {
                feats += java.util.Arrays.stream(p).reduce(1, (x, y) -> x * y);
            }
            s = l.outShape(s);
        }
        assertEquals(2_469_696, feats);
        assertEquals("alexnet", Architectures.defaultFor("imagenet"));
    }
}
