package org.distprop.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel coordinates in plain Java2D (XChart has none): one vertical axis per hyperparameter and
 * the objective axis last, each trial a polyline coloured by its objective on a viridis scale; the
 * highlighted trials are drawn last, thick and opaque, the rest thin and translucent.
 * A table (e.g. the robust ranges) can be drawn to the right.
 */
public final class ParallelCoordinates implements Painter {
    /** One trial: its position on each axis in [0, 1] (bottom = 0) and its objective. */
    public record Line(double[] positions, double objective, boolean highlighted) {
    }

    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final String title;
    private final List<Axis> axes;
    private final List<Line> lines;
    private final String legend;
    private final String tableTitle;
    private final List<String[]> table;
    private final int tableWidth;

    public ParallelCoordinates(String title, List<Axis> axes, List<Line> lines, String legend, String tableTitle,
                               List<String[]> table, int tableWidth) {
        this.title = title;
        this.axes = axes;
        this.lines = lines;
        this.legend = legend;
        this.tableTitle = tableTitle;
        this.table = table;
        this.tableWidth = tableWidth;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(title, 20, 28);
        int plotRight = width - tableWidth - 110;
        int top = 110;
        int bottom = height - 70;
        int left = 80;
        double gap = (plotRight - left) / (double) Math.max(1, axes.size() - 1);
        double[] xs = new double[axes.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = left + i * gap;
        }
        double lo = lines.stream().mapToDouble(Line::objective).min().orElse(0);
        double hi = lines.stream().mapToDouble(Line::objective).max().orElse(1);

        for (boolean highlighted : new boolean[] {false, true}) {
            for (Line l : lines) {
                if (l.highlighted() != highlighted) {
                    continue;
                }
                Color c = Viridis.at(hi == lo ? 1 : (l.objective() - lo) / (hi - lo));
                Path2D p = new Path2D.Double();
                for (int i = 0; i < xs.length; i++) {
                    double y = bottom - l.positions()[i] * (bottom - top);
                    if (i == 0) {
                        p.moveTo(xs[i], y);
                    } else {
                        p.lineTo(xs[i], y);
                    }
                }
                if (highlighted) { // dark outline: the best trials are yellow, which alone vanishes on white
                    g.setColor(new Color(40, 40, 40));
                    g.setStroke(new BasicStroke(4.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(p);
                }
                g.setColor(highlighted ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
                g.setStroke(new BasicStroke(highlighted ? 2.6f : 1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(p);
            }
        }
        for (int i = 0; i < axes.size(); i++) {
            drawAxis(g, axes.get(i), (int) Math.round(xs[i]), top, bottom, (int) gap - 8, i == axes.size() - 1, lo, hi);
        }
        g.setFont(TEXT);
        g.setColor(Color.DARK_GRAY);
        g.drawString(legend, left - 40, height - 22);
        drawTable(g, width - tableWidth - 10, top - 40);
    }

    private void drawAxis(Graphics2D g, Axis a, int x, int top, int bottom, int labelWidth, boolean last, double lo, double hi) {
        if (last) { // colour scale of the objective beside its own axis
            for (int y = top; y <= bottom; y++) {
                g.setColor(Viridis.at((bottom - y) / (double) (bottom - top)));
                g.fillRect(x + 4, y, 10, 1);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(x, top, x, bottom);
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        for (Axis.Tick t : a.ticks()) {
            int y = (int) Math.round(bottom - t.position() * (bottom - top));
            g.drawLine(x - 5, y, x, y);
            String s = t.label();
            int sw = fm.stringWidth(s);
            // labels left of the axis, on a white box so lines do not cross the text
            g.setColor(new Color(255, 255, 255, 210));
            g.fillRect(x - 8 - sw - 2, y - fm.getAscent() / 2 - 2, sw + 4, fm.getAscent() + 3);
            g.setColor(Color.BLACK);
            g.drawString(s, x - 8 - sw, y + fm.getAscent() / 2 - 1);
        }
        g.setFont(LABEL);
        FontMetrics lm = g.getFontMetrics();
        List<String> label = wrap(a.name(), lm, Math.max(60, labelWidth));
        if (a.kind() == Axis.Kind.LOG) {
            label.add("(log scale)");
        } else if (a.kind() == Axis.Kind.CATEGORICAL) {
            label.add("(categories)");
        }
        int y0 = top - 14 - (label.size() - 1) * (lm.getHeight());
        for (int i = 0; i < label.size(); i++) {
            String s = label.get(i);
            g.setFont(s.startsWith("(") ? TICK : LABEL);
            int sw = g.getFontMetrics().stringWidth(s);
            g.drawString(s, x - sw / 2, y0 + i * lm.getHeight());
        }
    }

    /** Splits on '_' and spaces so that each line fits {@code width}. */
    static List<String> wrap(String s, FontMetrics fm, int width) {
        List<String> out = new ArrayList<>();
        String[] words = s.split("(?<=[_ ])");
        StringBuilder cur = new StringBuilder();
        for (String w : words) {
            if (cur.length() > 0 && fm.stringWidth(cur + w) > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(w);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private void drawTable(Graphics2D g, int x, int y) {
        if (table.isEmpty()) {
            return;
        }
        g.setColor(Color.BLACK);
        g.setFont(LABEL);
        int yy = y;
        for (String line : wrap(tableTitle, g.getFontMetrics(), tableWidth - 10)) {
            g.drawString(line, x, yy);
            yy += g.getFontMetrics().getHeight();
        }
        yy += 8;
        int cols = table.get(0).length;
        FontMetrics fm = g.getFontMetrics(TICK);
        FontMetrics hm = g.getFontMetrics(LABEL);
        int[] w = new int[cols];
        for (int r = 0; r < table.size(); r++) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], (r == 0 ? hm : fm).stringWidth(table.get(r)[c]) + 14);
            }
        }
        int rowH = fm.getHeight() + 6;
        for (int r = 0; r < table.size(); r++) {
            int cx = x;
            if (r == 0) {
                g.setFont(LABEL);
            }
            for (int c = 0; c < cols; c++) {
                g.drawString(table.get(r)[c], cx, yy);
                cx += w[c];
            }
            g.setFont(TICK);
            if (r == 0) {
                g.drawLine(x, yy + 5, cx, yy + 5);
            }
            yy += rowH;
        }
    }

    /** Matplotlib's viridis, linearly interpolated between 6 stops. */
    static final class Viridis {
        private static final int[] STOPS = {0x440154, 0x414487, 0x2a788e, 0x22a884, 0x7ad151, 0xfde725};

        static Color at(double t) {
            double u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) Math.floor(u));
            double f = u - i;
            Color a = new Color(STOPS[i]);
            Color b = new Color(STOPS[i + 1]);
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
