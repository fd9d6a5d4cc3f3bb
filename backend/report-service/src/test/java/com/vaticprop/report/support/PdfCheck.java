package com.vaticprop.report.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a PDF looks like to a reader, checked with PDFBox: every page rendered ({@link PDFRenderer}), the embedded
 * images (the charts) and the text.
 */
public record PdfCheck(int pages, List<Integer> distinctColoursPerRenderedPage, List<Integer> chartColours,
                       String text) {

    public static PdfCheck of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Integer> pageColours = new ArrayList<>();
            List<Integer> chartColours = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pageColours.add(colours(renderer.renderImageWithDPI(i, 40)));
                PDPage page = doc.getPage(i);
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        chartColours.add(colours(image.getImage()));
                    }
                }
            }
            return new PdfCheck(doc.getNumberOfPages(), pageColours, chartColours,
                    new PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct colours of an image, sampled on a grid: 1 for a blank image. */
    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        int step = Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 200);
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
