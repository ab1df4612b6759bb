package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {
    static RgbImage image(int w, int h, java.util.function.IntBinaryOperator value) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = (byte) value.applyAsInt(x, y);
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void resize256CenterCrop224MatchesTorchvisionGeometry() {
        // 341x256 (landscape): Resize(256) keeps it, crop left = round(117/2) = 58 (half to even), top = 16
        var b = ImageTransforms.resizeCenterCrop(341, 256, 256, 224);
        assertEquals(58, b.x0(), 1e-9);
        assertEquals(16, b.y0(), 1e-9);
        assertEquals(224, b.width(), 1e-9);
        // 500x375: resized to 341x256 (int(256*500/375) = 341); the box maps back by 500/341 and 375/256
        var c = ImageTransforms.resizeCenterCrop(500, 375, 256, 224);
        assertEquals(58 * 500.0 / 341, c.x0(), 1e-6);
        assertEquals(224 * 375.0 / 256, c.height(), 1e-6);
    }

    @Test
    void constantImageStaysConstantAndNormalisesToTheClosedForm() {
        RgbImage img = image(300, 200, (x, y) -> 255);
        float[] dst = new float[224 * 224 * 3];
        var box = ImageTransforms.resizeCenterCrop(300, 200, 256, 224);
        ImageTransforms.resampleNormalise(img, box, 224, ImageTransforms.IMAGENET_MEAN, ImageTransforms.IMAGENET_STD, dst, 0);
        for (int i = 0; i < dst.length; i++) {
            int c = i % 3;
            assertEquals((1f - ImageTransforms.IMAGENET_MEAN[c]) / ImageTransforms.IMAGENET_STD[c], dst[i], 1e-5);
        }
    }

    @Test
    void downsamplingALinearRampKeepsTheRampAtPixelCentres() {
        // a 2x downscale with the widened triangle filter averages symmetrically around each output
        // centre, so a linear ramp v = x comes out as v(centre) = 2o + 0.5 away from the borders
        RgbImage img = image(200, 10, (x, y) -> x);
        float[] out = ImageTransforms.resample(img, new ImageTransforms.Box(0, 0, 200, 10, false), 100, 5);
        for (int o = 2; o < 98; o++) {
            assertEquals(2 * o + 0.5, out[(2 * 100 + o) * 3], 1e-3, "output column " + o);
        }
    }

    @Test
    void flipMirrorsTheOutput() {
        RgbImage img = image(224, 224, (x, y) -> x);
        float[] a = new float[224 * 224 * 3];
        float[] b = new float[224 * 224 * 3];
        float[] one = {0, 0, 0};
        float[] unit = {1, 1, 1};
        ImageTransforms.resampleNormalise(img, new ImageTransforms.Box(0, 0, 224, 224, false), 224, one, unit, a, 0);
        ImageTransforms.resampleNormalise(img, new ImageTransforms.Box(0, 0, 224, 224, true), 224, one, unit, b, 0);
        assertEquals(0f, a[0], 1e-6);
        assertEquals(223 / 255f, b[0], 1e-6);
        assertEquals(a[(5 * 224 + 10) * 3], b[(5 * 224 + 213) * 3], 1e-6);
    }

    @Test
    void randomResizedCropRespectsScaleAndRatioAndIsSeeded() {
        for (long s = 0; s < 200; s++) {
            var b = ImageTransforms.randomResizedCrop(500, 375, new SplittableRandom(s));
            assertTrue(b.x0() >= 0 && b.y0() >= 0 && b.x0() + b.width() <= 500 && b.y0() + b.height() <= 375, b.toString());
            double frac = b.width() * b.height() / (500.0 * 375.0);
            double ratio = b.width() / b.height();
            assertTrue(frac > 0.075 && frac <= 1.0, "area fraction " + frac);
            assertTrue(ratio > 0.74 && ratio < 1.35, "ratio " + ratio);
            assertEquals(b, ImageTransforms.randomResizedCrop(500, 375, new SplittableRandom(s)));
        }
    }
}
