package org.distprop.reports.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.svg.SVGGraphics2D;

/** Writes a painter as name.png and name.svg, and a figure's data as name.csv. */
public final class FigureFiles {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

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

    /**
     * Writes {@code header} and {@code rows} as RFC 4180 CSV (Commons CSV, '\n' records, the format of the store's
     * trace.csv); numbers as {@link #cell} formats them.
     */
    public static void writeCsv(Path file, List<String> header, List<List<Object>> rows) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, FORMAT.builder().setHeader(header.toArray(String[]::new)).build())) {
                for (List<Object> row : rows) {
                    p.printRecord(row.stream().map(FigureFiles::cell).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A CSV cell before quoting: empty for null, "nan", whole doubles without ".0". */
    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return d.isNaN() ? "nan" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%d", d.longValue()) : Double.toString(d));
        }
        return o.toString();
    }
}
