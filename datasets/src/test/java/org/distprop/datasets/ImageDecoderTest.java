package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
    static byte[] encode(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(img, format, bos);
        return bos.toByteArray();
    }

    @Test
    void rgbPngRoundTripsExactlyInRgbOrder() throws Exception {
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 1, 0x102030);
        img.setRGB(4, 2, 0xFF8001);
        RgbImage d = ImageDecoder.decode(encode(img, "png"), "x.png");
        assertEquals(5, d.width());
        assertEquals(3, d.height());
        assertEquals(0x10, d.get(2, 1, 0));
        assertEquals(0x20, d.get(2, 1, 1));
        assertEquals(0x30, d.get(2, 1, 2));
        assertEquals(0xFF, d.get(4, 2, 0));
        assertEquals(0x80, d.get(4, 2, 1));
        assertEquals(0x01, d.get(4, 2, 2));
    }

    @Test
    void rgbJpegKeepsChannelOrder() throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, 0xE01010); // red
            }
        }
        RgbImage d = ImageDecoder.decode(encode(img, "jpg"), "red.jpg");
        assertTrue(d.get(8, 8, 0) > 200 && d.get(8, 8, 1) < 40 && d.get(8, 8, 2) < 40,
                d.get(8, 8, 0) + "," + d.get(8, 8, 1) + "," + d.get(8, 8, 2));
    }

    @Test
    void grayscaleIsReplicatedWithoutGammaChange() throws Exception {
        BufferedImage g = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(1, 2, 0, 77);
        RgbImage d = ImageDecoder.decode(encode(g, "png"), "gray.png");
        for (int c = 0; c < 3; c++) {
            assertEquals(77, d.get(1, 2, c)); // getRGB would give 0x9A here (linear->sRGB)
            assertEquals(0, d.get(0, 0, c));
        }
    }

    @Test
    void fourChannelJpegDecodesToRgb() throws Exception {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 8, 4, null);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bos)) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), null);
        } finally {
            w.dispose();
        }
        RgbImage d = ImageDecoder.decode(bos.toByteArray(), "cmyk.jpg");
        assertEquals(16, d.width());
        assertEquals(8, d.height());
        assertEquals(16 * 8 * 3, d.rgb().length);
    }

    @Test
    void cmykConversionFollowsTheInkFormula() {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 1, 1, 4, null);
        r.setPixel(0, 0, new int[] {0, 255, 255, 0}); // plain CMYK: no cyan, full magenta+yellow = red
        RgbImage red = ImageDecoder.cmykToRgb(r, false, false);
        assertEquals(255, red.get(0, 0, 0));
        assertEquals(0, red.get(0, 0, 1));
        assertEquals(0, red.get(0, 0, 2));
        r.setPixel(0, 0, new int[] {255, 0, 0, 128}); // Adobe-inverted: same red at half black
        RgbImage dark = ImageDecoder.cmykToRgb(r, true, false);
        assertEquals(128, dark.get(0, 0, 0));
        assertEquals(0, dark.get(0, 0, 1));
    }

    @Test
    void truncatedJpegIsAnErrorNotAGrayFilledImage() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 77);
            }
        }
        byte[] full = encode(img, "jpg");
        ImageDecoder.decode(full, "whole.jpg");
        byte[] cut = java.util.Arrays.copyOf(full, full.length * 2 / 3);
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.decode(cut, "half.JPEG"));
        assertTrue(e.getMessage().contains("half.JPEG") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageIsAClearErrorNamingTheFile() {
        DataException e = assertThrows(DataException.class,
                () -> ImageDecoder.decode("not an image".getBytes(), "/data/n01/broken.JPEG"));
        assertTrue(e.getMessage().contains("/data/n01/broken.JPEG"), e.getMessage());
        byte[] truncated = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        DataException e2 = assertThrows(DataException.class, () -> ImageDecoder.decode(truncated, "cut.JPEG"));
        assertTrue(e2.getMessage().contains("cut.JPEG"), e2.getMessage());
    }
}
