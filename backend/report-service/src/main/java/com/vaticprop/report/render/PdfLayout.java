package com.vaticprop.report.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small flowing layout over PDFBox: headings, paragraphs, wrapped tables and images go down the page and onto a
 * new A4 page when they do not fit; {@link #finish} stamps every page's footer (page i of n, generated-at, the
 * assessment) once the page count is known. The standard Helvetica needs no font file on the machine, but only
 * encodes WinAnsi, so every text passes through {@link #safe}.
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 40;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float BOTTOM = MARGIN + 24;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream cs;
    private float y;

    PdfLayout() {
        newPage();
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(SIZE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = SIZE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void title(String text, Color badge, String badgeText) {
        ensure(30);
        text(bold, 18, MARGIN, y - 18, text, Color.BLACK);
        if (badgeText != null) {
            float x = MARGIN + width(bold, 18, text) + 12;
            float w = width(bold, 11, badgeText) + 10;
            fill(badge, x, y - 20, w, 18);
            text(bold, 11, x + 5, y - 15, badgeText, Color.WHITE);
        }
        y -= 30;
    }

    void heading(String text) {
        ensure(40);
        y -= 6;
        text(bold, 12, MARGIN, y - 12, text, Color.BLACK);
        y -= 18;
    }

    void paragraph(String text, float size) {
        for (String line : wrap(regular, size, text, width())) {
            ensure(size + 3);
            text(regular, size, MARGIN, y - size, line, Color.DARK_GRAY);
            y -= size + 3;
        }
        y -= 4;
    }

    /** A table with wrapped cells; {@code widths} are fractions of the text width; a null header has none. */
    void table(String[] header, List<String[]> rows, float[] widths, float size) {
        if (header != null) {
            row(header, widths, size, true);
        }
        for (String[] r : rows) {
            row(r, widths, size, false);
        }
        y -= 8;
    }

    private void row(String[] cells, float[] widths, float size, boolean isHeader) {
        PDType1Font font = isHeader ? bold : regular;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> l = wrap(font, size, cells[i], widths[i] * width() - 6);
            wrapped.add(l);
            lines = Math.max(lines, l.size());
        }
        float leading = size + 2;
        float height = lines * leading + 4;
        if (y - height < BOTTOM) {
            newPage();
        }
        if (isHeader) {
            fill(new Color(0xf0, 0xf2, 0xf5), MARGIN, y - height, width(), height);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float ty = y - size - 2;
            for (String line : wrapped.get(i)) {
                text(font, size, x + 3, ty, line, "BREACHED".equals(cells[i]) ? new Color(0xc0, 0x39, 0x2b)
                        : Color.BLACK);
                ty -= leading;
            }
            x += widths[i] * width();
        }
        line(MARGIN, y - height, MARGIN + width(), y - height);
        y -= height;
    }

    void image(BufferedImage image, float w, float h) {
        ensure(h + 6);
        try {
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            cs.drawImage(x, MARGIN, y - h, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= h + 6;
    }

    void ensure(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Stamps the footer on every page and returns the PDF. */
    byte[] finish(String footerLeft) {
        try {
            cs.close();
            cs = null;
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream f = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String right = "Page " + (i + 1) + " of " + n;
                    write(f, regular, 8, MARGIN, MARGIN, footerLeft, Color.GRAY);
                    write(f, regular, 8, SIZE.getWidth() - MARGIN - width(regular, 8, right), MARGIN, right,
                            Color.GRAY);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (cs != null) {
                cs.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(PDType1Font font, float size, float x, float ty, String s, Color color) {
        write(cs, font, size, x, ty, s, color);
    }

    private static void write(PDPageContentStream c, PDType1Font font, float size, float x, float ty, String s,
                              Color color) {
        try {
            c.beginText();
            c.setNonStrokingColor(color);
            c.setFont(font, size);
            c.newLineAtOffset(x, ty);
            c.showText(safe(s));
            c.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(Color color, float x, float fy, float w, float h) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, fy, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2) {
        try {
            cs.setStrokingColor(new Color(0xdd, 0xdd, 0xdd));
            cs.setLineWidth(0.5f);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width(PDType1Font font, float size, String s) {
        try {
            return font.getStringWidth(safe(s)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy word wrap; a word longer than the width is cut. */
    private static List<String> wrap(PDType1Font font, float size, String text, float max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String w = word;
            while (width(font, size, w) > max && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && width(font, size, w.substring(0, cut)) > max) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Maps the few non-Latin-1 characters the engine's explanations use; anything else unencodable becomes '?'. */
    static String safe(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '≤' -> b.append("<=");
                case '≥' -> b.append(">=");
                case '→' -> b.append("->");
                case '…' -> b.append("...");
                case '–', '—', '−' -> b.append('-');
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) ? c : '?');
            }
        }
        return b.toString();
    }
}
