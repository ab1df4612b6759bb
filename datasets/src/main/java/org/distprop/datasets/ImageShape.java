package org.distprop.datasets;

/** Shape of one example, stored channels-last (NHWC), which is TensorFlow's default conv layout. */
public record ImageShape(int height, int width, int channels) {
    public ImageShape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive: " + height + "x" + width + "x" + channels);
        }
    }

    public int size() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
