package org.distprop.datasets;

import java.util.SplittableRandom;

/**
 * torchvision's ImageNet transforms as pure functions: RandomResizedCrop(224) + RandomHorizontalFlip
 * for training, Resize(256) + CenterCrop(224) for evaluation, then ToTensor + Normalize, written
 * channels-last. Resampling is PIL's antialiased bilinear (a triangle filter widened by the
 * downscale factor), applied to a source box so resize-then-crop is one pass.
 */
public final class ImageTransforms {
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private ImageTransforms() {
    }

    /** A crop box in source pixels (may be fractional), and whether to mirror the output. */
    public record Box(double x0, double y0, double width, double height, boolean flip) {
    }

    /** torchvision RandomResizedCrop.get_params (scale 0.08-1, ratio 3/4-4/3) followed by a fair coin flip. */
    public static Box randomResizedCrop(int w, int h, SplittableRandom rnd) {
        double area = (double) w * h;
        double logLo = Math.log(3.0 / 4.0);
        double logHi = Math.log(4.0 / 3.0);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (0.08 + rnd.nextDouble() * (1.0 - 0.08));
            double aspect = Math.exp(logLo + rnd.nextDouble() * (logHi - logLo));
            int cw = (int) Math.rint(Math.sqrt(target * aspect)); // rint = Python's round (half to even)
            int ch = (int) Math.rint(Math.sqrt(target / aspect));
            if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
                int top = rnd.nextInt(h - ch + 1);
                int left = rnd.nextInt(w - cw + 1);
                return new Box(left, top, cw, ch, rnd.nextBoolean());
            }
        }
        double ratio = (double) w / h; // fallback: central crop with the ratio clamped
        int cw;
        int ch;
        if (ratio < 3.0 / 4.0) {
            cw = w;
            ch = (int) Math.rint(cw / (3.0 / 4.0));
        } else if (ratio > 4.0 / 3.0) {
            ch = h;
            cw = (int) Math.rint(ch * (4.0 / 3.0));
        } else {
            cw = w;
            ch = h;
        }
        return new Box((w - cw) / 2, (h - ch) / 2, cw, ch, rnd.nextBoolean());
    }

    /**
     * Resize(resize) (shorter side to {@code resize}, the other rounded down as torchvision does)
     * then CenterCrop(crop), expressed as a box in source pixels.
     */
    public static Box resizeCenterCrop(int w, int h, int resize, int crop) {
        int rw;
        int rh;
        if (w <= h) {
            rw = resize;
            rh = (int) ((long) resize * h / w);
        } else {
            rh = resize;
            rw = (int) ((long) resize * w / h);
        }
        int top = (int) Math.rint((rh - crop) / 2.0); // torchvision: int(round(...)), half to even
        int left = (int) Math.rint((rw - crop) / 2.0);
        double sx = (double) w / rw;
        double sy = (double) h / rh;
        return new Box(left * sx, top * sy, crop * sx, crop * sy, false);
    }

    /**
     * Resamples {@code box} of {@code img} to {@code out x out}, normalises with mean/std and writes
     * channels-last floats at {@code dst[off...]}.
     */
    public static void resampleNormalise(RgbImage img, Box box, int out, float[] mean, float[] std, float[] dst, int off) {
        float[] plane = resample(img, box, out, out);
        for (int y = 0; y < out; y++) {
            for (int x = 0; x < out; x++) {
                int sx = box.flip() ? out - 1 - x : x;
                int s = (y * out + sx) * 3;
                int d = off + (y * out + x) * 3;
                for (int c = 0; c < 3; c++) {
                    float v = Math.round(Math.max(0f, Math.min(255f, plane[s + c]))); // ToTensor sees uint8
                    dst[d + c] = (v / 255f - mean[c]) / std[c];
                }
            }
        }
    }

    /** Separable antialiased bilinear resampling of a source box to outW x outH (RGB floats, HWC). */
    static float[] resample(RgbImage img, Box box, int outW, int outH) {
        Filter fx = Filter.of(box.x0(), box.width(), outW, img.width());
        Filter fy = Filter.of(box.y0(), box.height(), outH, img.height());
        int rowLo = fy.min;
        int rowHi = fy.max; // exclusive
        float[] tmp = new float[(rowHi - rowLo) * outW * 3];
        byte[] src = img.rgb();
        int w = img.width();
        for (int r = rowLo; r < rowHi; r++) {
            int rowOff = r * w * 3;
            int t = (r - rowLo) * outW * 3;
            for (int o = 0; o < outW; o++) {
                float a = 0;
                float b = 0;
                float c = 0;
                int start = fx.start[o];
                int k0 = o * fx.taps;
                for (int k = 0; k < fx.count[o]; k++) {
                    float wt = fx.weights[k0 + k];
                    int s = rowOff + (start + k) * 3;
                    a += wt * (src[s] & 0xff);
                    b += wt * (src[s + 1] & 0xff);
                    c += wt * (src[s + 2] & 0xff);
                }
                tmp[t + o * 3] = a;
                tmp[t + o * 3 + 1] = b;
                tmp[t + o * 3 + 2] = c;
            }
        }
        float[] out = new float[outW * outH * 3];
        int rowLen = outW * 3;
        for (int o = 0; o < outH; o++) {
            int start = fy.start[o];
            int k0 = o * fy.taps;
            int d = o * rowLen;
            for (int k = 0; k < fy.count[o]; k++) {
                float wt = fy.weights[k0 + k];
                int t = (start + k - rowLo) * rowLen;
                for (int i = 0; i < rowLen; i++) {
                    out[d + i] += wt * tmp[t + i];
                }
            }
        }
        return out;
    }

    /** Triangle-filter taps along one axis (PIL precompute_coeffs with support 1). */
    private static final class Filter {
        int taps;
        int[] start;
        int[] count;
        float[] weights;
        int min = Integer.MAX_VALUE;
        int max = 0;

        static Filter of(double x0, double len, int out, int inSize) {
            Filter f = new Filter();
            double scale = len / out;
            double fscale = Math.max(scale, 1.0);
            double support = fscale; // bilinear support 1, widened when downscaling (antialias)
            f.taps = (int) Math.ceil(support) * 2 + 1;
            f.start = new int[out];
            f.count = new int[out];
            f.weights = new float[out * f.taps];
            for (int o = 0; o < out; o++) {
                double center = x0 + (o + 0.5) * scale;
                int lo = Math.max(0, (int) (center - support + 0.5));
                int hi = Math.min(inSize, (int) (center + support + 0.5));
                if (hi <= lo) { // box at the very edge: take the nearest pixel
                    lo = Math.min(inSize - 1, Math.max(0, (int) center));
                    hi = lo + 1;
                }
                int n = Math.min(hi - lo, f.taps);
                double total = 0;
                double[] wts = new double[n];
                for (int k = 0; k < n; k++) {
                    double t = Math.abs((lo + k + 0.5 - center) / fscale);
                    wts[k] = t < 1 ? 1 - t : 0;
                    total += wts[k];
                }
                for (int k = 0; k < n; k++) {
                    f.weights[o * f.taps + k] = (float) (total > 0 ? wts[k] / total : 1.0 / n);
                }
                f.start[o] = lo;
                f.count[o] = n;
                f.min = Math.min(f.min, lo);
                f.max = Math.max(f.max, lo + n);
            }
            return f;
        }
    }
}
