package com.vaticprop.report.charts;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders a chart as a raster image (PNG, or the image itself for the PDF) or as SVG markup (for the HTML). */
public final class ChartImages {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartImages() {
    }

    public static BufferedImage image(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image(chart, width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** SVG markup of the chart (an {@code <svg>} element, without an XML prolog, to inline into HTML). */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }
}
