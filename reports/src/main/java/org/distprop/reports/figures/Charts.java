package org.distprop.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The one place that styles XChart charts, so every figure reads the same at 100 %. */
public final class Charts {
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    public static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    public static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setMarkerSize(0);
        return c;
    }

    public static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartPadding(12);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(AXIS_TITLE);
            a.setAxisTickLabelsFont(TICKS);
            a.setPlotGridLinesColor(new Color(0xe0e0e0));
            a.setAxisTitlePadding(8);
        }
    }

    /** Mean line of one method. */
    public static void line(XYChart c, String name, Color color, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** A reference line (the authors' published curve): dashed, so it never reads as one of our runs. */
    public static void dashedLine(XYChart c, String name, Color color, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
    }

    /** Shaded mean +- std band: a closed polygon (upper edge forward, lower edge back), not in the legend. */
    public static void band(XYChart c, String name, Color color, double[] x, double[] lower, double[] upper) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = c.addSeries(name + " band", px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 55));
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }

    /**
     * XChart labels every data x as a tick when a chart's x values are equally spaced (steps 1, 2, ..., 400), which
     * prints overlapping labels; one invisible point at a fractional x breaks the spacing and restores the usual
     * round ticks (0, 50, 100, ...). Call after the real series; it reuses the first series' first point.
     */
    public static void niceXTicks(XYChart c) {
        XYSeries first = c.getSeriesMap().values().stream().findFirst().orElse(null);
        if (first == null || first.getXData().length < 3) {
            return;
        }
        double x = first.getXData()[0] + 0.5;
        XYSeries pad = c.addSeries(" tick spacing", new double[] {x}, new double[] {first.getYData()[0]});
        pad.setShowInLegend(false);
        pad.setMarker(SeriesMarkers.NONE);
        pad.setLineColor(new Color(0, 0, 0, 0));
    }

    /** A boxed note in the lower right of the plot (screen space: x from the left, y from the bottom). */
    public static void note(XYChart c, String text) {
        int chars = java.util.Arrays.stream(text.split("\n")).mapToInt(String::length).max().orElse(0);
        c.getStyler().setAnnotationTextPanelFont(LEGEND);
        c.getStyler().setAnnotationTextPanelBorderColor(Color.GRAY);
        c.addAnnotation(new org.knowm.xchart.AnnotationTextPanel(text, Math.max(80, c.getWidth() - 40 - 7 * chars), 150, true));
    }

    /** Several charts side by side, each {@code width / n} wide. */
    public static Painter row(List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts) {
        return (Graphics2D g, int w, int h) -> {
            int pw = w / charts.size();
            for (int i = 0; i < charts.size(); i++) {
                Graphics2D gi = (Graphics2D) g.create(i * pw, 0, pw, h);
                charts.get(i).paint(gi, pw, h);
                gi.dispose();
            }
        };
    }
}
