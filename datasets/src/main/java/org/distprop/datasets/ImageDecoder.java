package org.distprop.datasets;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG/PNG bytes to RGB with the JDK's javax.imageio, converting like PIL's
 * {@code convert("RGB")}: grayscale is replicated into three channels (no gamma change, unlike
 * {@code BufferedImage.getRGB}), CMYK/YCCK JPEGs (which {@code ImageIO.read} rejects) are read as raw
 * rasters and converted with R = (255 - C)(255 - K)/255.
 */
public final class ImageDecoder {
    static {
        ImageIO.setUseCache(false); // decode in memory, no temp files
    }

    private ImageDecoder() {
    }

    /**
     * Decodes {@code data}; {@code name} (file or entry) is used in the error message. A truncated
     * JPEG is an error, as in PIL ("image file is truncated"), although the JDK would only warn and
     * fill the missing rows with gray; other decoder warnings are ignored, as PIL does.
     */
    public static RgbImage decode(byte[] data, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                throw new DataException("cannot decode image " + name + ": not a JPEG/PNG/GIF/BMP file");
            }
            ImageReader reader = it.next();
            try {
                reader.setInput(in, true, true);
                List<String> truncated = new ArrayList<>();
                reader.addIIOReadWarningListener((src, w) -> {
                    String l = w.toLowerCase(java.util.Locale.ROOT);
                    if (l.contains("truncated") || l.contains("premature end")) {
                        truncated.add(w);
                    }
                });
                BufferedImage img = reader.read(0);
                if (!truncated.isEmpty()) {
                    throw new DataException("cannot decode image " + name + ": file is truncated (" + truncated.get(0) + ")");
                }
                return toRgb(img);
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            // older JDK JPEG readers refuse 4-channel (CMYK/YCCK) images in read(); readRaster works
            RgbImage cmyk = tryCmyk(data);
            if (cmyk != null) {
                return cmyk;
            }
            throw new DataException("cannot decode image " + name + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException("cannot decode image " + name + ": " + e, e);
        }
    }

    static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h * 3];
        Raster r = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR && r.getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1 && db.getData().length == out.length) {
            byte[] bgr = db.getData();
            for (int i = 0; i < out.length; i += 3) {
                out[i] = bgr[i + 2];
                out[i + 1] = bgr[i + 1];
                out[i + 2] = bgr[i];
            }
        } else if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    byte v = (byte) row[x];
                    int o = (y * w + x) * 3;
                    out[o] = v;
                    out[o + 1] = v;
                    out[o + 2] = v;
                }
            }
        } else {
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                out[3 * i] = (byte) (argb[i] >> 16);
                out[3 * i + 1] = (byte) (argb[i] >> 8);
                out[3 * i + 2] = (byte) argb[i];
            }
        }
        return new RgbImage(w, h, out);
    }

    private static RgbImage tryCmyk(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                return null;
            }
            ImageReader reader = it.next();
            try {
                reader.setInput(in);
                Raster raster = reader.readRaster(0, null);
                if (raster.getNumBands() != 4) {
                    return null;
                }
                int adobe = adobeTransform(data);
                return cmykToRgb(raster, adobe >= 0, adobe == 2);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Converts a raw 4-band JPEG raster. Adobe files (APP14 marker) store inverted CMYK, and with
     * transform 2 the first three bands are YCbCr of the inverted CMY (YCCK).
     */
    static RgbImage cmykToRgb(Raster raster, boolean adobeInverted, boolean ycck) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] px = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, px);
                double c = px[0];
                double m = px[1];
                double yy = px[2];
                if (ycck) { // YCC -> (inverted) CMY, as libjpeg does
                    double yl = px[0];
                    double cb = px[1] - 128.0;
                    double cr = px[2] - 128.0;
                    c = clamp(yl + 1.402 * cr);
                    m = clamp(yl - 0.344136 * cb - 0.714136 * cr);
                    yy = clamp(yl + 1.772 * cb);
                }
                double k = px[3];
                if (!adobeInverted) { // plain CMYK: 0 = no ink; convert to "amount of light" form
                    c = 255 - c;
                    m = 255 - m;
                    yy = 255 - yy;
                    k = 255 - k;
                }
                // now c, m, yy, k are 255 - ink; light = (255 - C)(255 - K)/255
                int o = (y * w + x) * 3;
                out[o] = (byte) Math.round(c * k / 255.0);
                out[o + 1] = (byte) Math.round(m * k / 255.0);
                out[o + 2] = (byte) Math.round(yy * k / 255.0);
            }
        }
        return new RgbImage(w, h, out);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The transform byte of the Adobe APP14 segment, or -1 if the JPEG has none. */
    static int adobeTransform(byte[] d) {
        int i = 2;
        while (i + 4 < d.length && (d[i] & 0xff) == 0xFF) {
            int marker = d[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan: no more header segments
            }
            int len = ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            if (marker == 0xEE && len >= 12 && i + 4 + 11 < d.length
                    && new String(d, i + 4, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Adobe")) {
                return d[i + 4 + 11] & 0xff;
            }
            i += 2 + len;
        }
        return -1;
    }
}
