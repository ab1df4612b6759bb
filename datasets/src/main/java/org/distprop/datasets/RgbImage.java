package org.distprop.datasets;

/** A decoded 8-bit RGB image, channels-last (row-major, 3 bytes per pixel). */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        if ((long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException(width + "x" + height + " RGB needs " + (3L * width * height) + " bytes, got " + rgb.length);
        }
    }

    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }
}
