package org.distprop.baselines;

/**
 * Plain-Java NHWC reference ops for the conv tests, written from the definitions (no TensorFlow):
 * zero-padded stride-1 cross-correlation, its input and kernel adjoints, ReLU, 2x2/2 max-pool and
 * its adjoint (route to the window's first maximum, as TF's MaxPoolGrad), row-major flattening.
 * Tensors are [n][h][w][c]; kernels [kh][kw][cin][cout] (TF's layout).
 */
final class ConvRef {
    private ConvRef() {
    }

    static double[][][][] tensor(float[] a, int n, int h, int w, int c) {
        double[][][][] t = new double[n][h][w][c];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        t[i][y][x][ch] = a[k++];
                    }
                }
            }
        }
        return t;
    }

    static double[][][][] kernel(float[] a, int k, int cin, int cout) {
        return tensor(a, k, k, cin, cout);
    }

    /** out[n][y][x][o] = b[o] + sum_{dy,dx,i} in[n][y+dy-p][x+dx-p][i] W[dy][dx][i][o] (zeros outside). */
    static double[][][][] conv(double[][][][] in, double[][][][] w, float[] b, int p) {
        return conv(in, w, b, p, 1);
    }

    /** With stride: out[n][y][x][o] = b[o] + sum in[n][y s + dy - p][x s + dx - p][i] W[dy][dx][i][o]. */
    static double[][][][] conv(double[][][][] in, double[][][][] w, float[] b, int p, int stride) {
        int n = in.length;
        int h = in[0].length;
        int wd = in[0][0].length;
        int k = w.length;
        int cin = w[0][0].length;
        int cout = w[0][0][0].length;
        int oh = (h + 2 * p - k) / stride + 1;
        int ow = (wd + 2 * p - k) / stride + 1;
        double[][][][] out = new double[n][oh][ow][cout];
        for (int s = 0; s < n; s++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    for (int o = 0; o < cout; o++) {
                        double v = b == null ? 0 : b[o];
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                int iy = y * stride + dy - p;
                                int ix = x * stride + dx - p;
                                if (iy < 0 || ix < 0 || iy >= h || ix >= wd) {
                                    continue;
                                }
                                for (int i = 0; i < cin; i++) {
                                    v += in[s][iy][ix][i] * w[dy][dx][i][o];
                                }
                            }
                        }
                        out[s][y][x][o] = v;
                    }
                }
            }
        }
        return out;
    }

    /** d(sum g * conv(in, W)) / d in: g spread back through W (the transposed convolution). */
    static double[][][][] convInputGrad(double[][][][] g, double[][][][] w, int h, int wd, int p) {
        return convInputGrad(g, w, h, wd, p, 1);
    }

    /** The same for a strided conv (input positions the stride skips at the far border get 0). */
    static double[][][][] convInputGrad(double[][][][] g, double[][][][] w, int h, int wd, int p, int stride) {
        int n = g.length;
        int k = w.length;
        int cin = w[0][0].length;
        int cout = w[0][0][0].length;
        double[][][][] d = new double[n][h][wd][cin];
        for (int s = 0; s < n; s++) {
            for (int y = 0; y < g[0].length; y++) {
                for (int x = 0; x < g[0][0].length; x++) {
                    for (int o = 0; o < cout; o++) {
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                int iy = y * stride + dy - p;
                                int ix = x * stride + dx - p;
                                if (iy < 0 || ix < 0 || iy >= h || ix >= wd) {
                                    continue;
                                }
                                for (int i = 0; i < cin; i++) {
                                    d[s][iy][ix][i] += g[s][y][x][o] * w[dy][dx][i][o];
                                }
                            }
                        }
                    }
                }
            }
        }
        return d;
    }

    /** d(sum g * conv(in, W)) / d W, flattened in TF's kernel order. */
    static double[] convKernelGrad(double[][][][] in, double[][][][] g, int k, int p) {
        int cin = in[0][0][0].length;
        int cout = g[0][0][0].length;
        int h = in[0].length;
        int wd = in[0][0].length;
        double[] d = new double[k * k * cin * cout];
        for (int s = 0; s < in.length; s++) {
            for (int y = 0; y < g[0].length; y++) {
                for (int x = 0; x < g[0][0].length; x++) {
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            int iy = y + dy - p;
                            int ix = x + dx - p;
                            if (iy < 0 || ix < 0 || iy >= h || ix >= wd) {
                                continue;
                            }
                            for (int i = 0; i < cin; i++) {
                                for (int o = 0; o < cout; o++) {
                                    d[((dy * k + dx) * cin + i) * cout + o] += in[s][iy][ix][i] * g[s][y][x][o];
                                }
                            }
                        }
                    }
                }
            }
        }
        return d;
    }

    static double[][][][] relu(double[][][][] a) {
        return map(a, v -> Math.max(0, v));
    }

    /** g where a > 0, else 0 (ReLU's derivative at a, applied to g). */
    static double[][][][] reluGrad(double[][][][] g, double[][][][] a) {
        double[][][][] d = zerosLike(g);
        forEach(g, (s, y, x, c) -> d[s][y][x][c] = a[s][y][x][c] > 0 ? g[s][y][x][c] : 0);
        return d;
    }

    static double[][][][] maxPool2(double[][][][] a) {
        int n = a.length;
        int c = a[0][0][0].length;
        double[][][][] o = new double[n][a[0].length / 2][a[0][0].length / 2][c];
        forEach(o, (s, y, x, ch) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    m = Math.max(m, a[s][2 * y + dy][2 * x + dx][ch]);
                }
            }
            o[s][y][x][ch] = m;
        });
        return o;
    }

    /** The pooled gradient g routed to each window's (first, row-major) maximum of a. */
    static double[][][][] maxPool2Grad(double[][][][] g, double[][][][] a) {
        double[][][][] d = zerosLike(a);
        forEach(g, (s, y, x, ch) -> {
            int by = 0;
            int bx = 0;
            double m = Double.NEGATIVE_INFINITY;
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    if (a[s][2 * y + dy][2 * x + dx][ch] > m) {
                        m = a[s][2 * y + dy][2 * x + dx][ch];
                        by = dy;
                        bx = dx;
                    }
                }
            }
            d[s][2 * y + by][2 * x + bx][ch] += g[s][y][x][ch];
        });
        return d;
    }

    static double[][] flatten(double[][][][] a) {
        int h = a[0].length;
        int w = a[0][0].length;
        int c = a[0][0][0].length;
        double[][] f = new double[a.length][h * w * c];
        forEach(a, (s, y, x, ch) -> f[s][(y * w + x) * c + ch] = a[s][y][x][ch]);
        return f;
    }

    static double[][][][] unflatten(double[][] f, int h, int w, int c) {
        double[][][][] a = new double[f.length][h][w][c];
        forEach(a, (s, y, x, ch) -> a[s][y][x][ch] = f[s][(y * w + x) * c + ch]);
        return a;
    }

    interface Visit {
        void at(int s, int y, int x, int c);
    }

    static void forEach(double[][][][] a, Visit v) {
        for (int s = 0; s < a.length; s++) {
            for (int y = 0; y < a[0].length; y++) {
                for (int x = 0; x < a[0][0].length; x++) {
                    for (int c = 0; c < a[0][0][0].length; c++) {
                        v.at(s, y, x, c);
                    }
                }
            }
        }
    }

    static double[][][][] zerosLike(double[][][][] a) {
        return new double[a.length][a[0].length][a[0][0].length][a[0][0][0].length];
    }

    static double[][][][] map(double[][][][] a, java.util.function.DoubleUnaryOperator f) {
        double[][][][] o = zerosLike(a);
        forEach(a, (s, y, x, c) -> o[s][y][x][c] = f.applyAsDouble(a[s][y][x][c]));
        return o;
    }
}
