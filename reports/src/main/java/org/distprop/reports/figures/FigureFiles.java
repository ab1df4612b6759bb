package org.distprop.reports.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/** Writes a painter as name.png and name.svg, and a figure's data as name.csv. */
public final class FigureFiles {
    private FigureFiles() {
    }

    public static void writeImages(Path dir, String name, int width, int height, Painter painter) {
        try {
            Files.createDirectories(dir);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            painter.paint(g, width, height);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());

            SVGGraphics2D svg = new SVGGraphics2D(width, height);
            hints(svg);
            svg.setColor(Color.WHITE);
            svg.fillRect(0, 0, width, height);
            painter.paint(svg, width, height);
            Files.writeString(dir.resolve(name + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + name + " in " + dir, e);
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Plain CSV: header line then rows; values are written exactly (Double.toString), text as is. */
    public static void writeCsv(Path file, List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(row.get(i)));
            }
            sb.append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return d.isNaN() ? "nan" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%d", d.longValue()) : Double.toString(d));
        }
        String s = o.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
