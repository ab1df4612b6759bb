package org.distprop.reports.figures;

import java.awt.Graphics2D;

/** Draws a whole figure into a Graphics2D of the given size; the same painter makes the PNG and the SVG. */
@FunctionalInterface
public interface Painter {
    void paint(Graphics2D g, int width, int height);
}
