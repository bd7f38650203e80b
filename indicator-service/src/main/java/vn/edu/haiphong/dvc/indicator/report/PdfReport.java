package vn.edu.haiphong.dvc.indicator.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.edu.haiphong.dvc.indicator.api.PlanTaskDto;

/**
 * The report as a landscape A4 PDF. The font is DejaVu Sans, embedded (subset): the standard PDF fonts
 * have no Vietnamese letters, and the city's readers may have no font that does.
 */
final class PdfReport {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float SIZE = 8;
    private static final float LEADING = 10;
    private static final float PAD = 3;

    private static final float[] TASK_WIDTHS = { 22, 236, 90, 128, 48, 52, 194 };
    private static final List<String> TASK_PDF_HEADINGS = List.of("STT", "Nhiệm vụ, giải pháp", "Chủ trì", "Sản phẩm",
            "Thời gian thực hiện", "Đánh giá", "Số liệu (kết quả, tử số/mẫu số, chỉ tiêu) và báo cáo");
    private static final float[] SUMMARY_WIDTHS = { 24, 118, 240, 52, 52, 52, 58, 74, 100 };
    private static final int[] DETAIL_COLUMNS = { 3, 4, 5, 6, 7, 8, 9, 10 };
    private static final float[] DETAIL_WIDTHS = { 44, 96, 290, 56, 56, 56, 72, 100 };
    /** The scorecard's columns, "needed" and its unit in one cell (as the summary's), the note last. */
    private static final float[] SCORECARD_WIDTHS = { 34, 190, 120, 48, 48, 42, 48, 42, 42, 56, 100 };

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream page;
    private float y;

    private PdfReport(PDDocument document) throws IOException {
        this.document = document;
        this.regular = font(document, "DejaVuSans.ttf");
        this.bold = font(document, "DejaVuSans-Bold.ttf");
    }

    static byte[] write(PlanReport report) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(ReportText.title(report));
            info.setAuthor("Sở Giáo dục và Đào tạo Hải Phòng");
            PdfReport pdf = new PdfReport(document);
            pdf.render(report);
            pdf.numberPages();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void render(PlanReport report) throws IOException {
        newPage();
        at(ReportText.DEPARTMENT, bold, 10, MARGIN, y - 13);
        at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 10, PAGE.getWidth() - MARGIN - 230, y - 13);
        at("Độc lập - Tự do - Hạnh phúc", bold, 10, PAGE.getWidth() - MARGIN - 200, y - 26);
        y -= 40;
        text(ReportText.title(report), bold, 12, MARGIN);
        y -= 6;
        for (String line : ReportText.preamble(report)) {
            text(line, regular, 9, MARGIN);
        }
        y -= 8;
        if (!report.tasks().isEmpty()) {
            text(ReportText.TASK_TITLE, bold, 11, MARGIN);
            y -= 4;
            List<List<String>> tasks = new ArrayList<>();
            for (PlanReport.Task line : report.tasks()) {
                PlanTaskDto t = line.task();
                tasks.add(List.of(String.valueOf(t.number()), t.task().vi(), t.lead(), t.product() == null ? "—" : t.product(),
                        t.deadline(), ReportText.statusVi(t.status()), ReportText.figures(line)));
            }
            table(TASK_PDF_HEADINGS, tasks, TASK_WIDTHS);
            y -= 12;
            ensure(60);
        }
        text(ReportText.SUMMARY_TITLE, bold, 11, MARGIN);
        y -= 4;
        List<String> summaryHeadings = new ArrayList<>(ReportText.SUMMARY_HEADINGS.subList(0, 9));
        List<List<String>> summary = new ArrayList<>();
        for (List<Object> row : ReportText.summaryRows(report)) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                cells.add(ReportText.human(row.get(c)));
            }
            cells.add(row.get(8) == null ? "—" : ReportText.human(row.get(8)) + " " + row.get(9));
            summary.add(cells);
        }
        table(summaryHeadings, summary, SUMMARY_WIDTHS);

        y -= 12;
        ensure(40);
        text(ReportText.DETAIL_TITLE, bold, 11, MARGIN);
        Map<String, List<List<Object>>> byIndicator = new LinkedHashMap<>();
        for (List<Object> row : ReportText.detailRows(report)) {
            byIndicator.computeIfAbsent(row.get(0) + " — " + row.get(1), k -> new ArrayList<>()).add(row);
        }
        List<String> detailHeadings = new ArrayList<>();
        for (int c : DETAIL_COLUMNS) {
            detailHeadings.add(ReportText.DETAIL_HEADINGS.get(c));
        }
        for (Map.Entry<String, List<List<Object>>> indicator : byIndicator.entrySet()) {
            y -= 6;
            ensure(50);
            text(indicator.getKey(), bold, 9, MARGIN);
            y -= 4;
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> row : indicator.getValue()) {
                List<String> cells = new ArrayList<>();
                for (int c : DETAIL_COLUMNS) {
                    cells.add(ReportText.human(row.get(c)));
                }
                rows.add(cells);
            }
            table(detailHeadings, rows, DETAIL_WIDTHS);
        }
        scorecard(report);
        signatures(report);
        page.close();
    }

    /** r2: the national scorecard on a page of its own, labelled an estimate with its definition's version. */
    private void scorecard(PlanReport report) throws IOException {
        if (report.scorecard() == null) {
            return;
        }
        newPage();
        text(ReportText.SCORECARD_TITLE, bold, 11, MARGIN);
        y -= 4;
        for (String line : ReportText.scorecardPreamble(report.scorecard())) {
            text(line, regular, 9, MARGIN);
        }
        y -= 6;
        List<String> headings = new ArrayList<>(ReportText.SCORECARD_HEADINGS.subList(0, 10));
        headings.add(ReportText.SCORECARD_HEADINGS.get(11));
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : ReportText.scorecardRows(report)) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < 9; c++) {
                cells.add(row.get(c) == null ? "" : ReportText.human(row.get(c)));
            }
            cells.add(row.get(9) == null ? "" : ReportText.human(row.get(9)) + " " + row.get(10));
            cells.add(row.get(11) == null ? "" : row.get(11).toString());
            rows.add(cells);
        }
        table(headings, rows, SCORECARD_WIDTHS);
    }

    /** Where the clerk who drew the report up and the director sign, with room for the signatures. */
    private void signatures(PlanReport report) throws IOException {
        y -= 16;
        ensure(130);
        float left = MARGIN + 60;
        float right = PAGE.getWidth() - MARGIN - 250;
        at("Hải Phòng, ngày " + report.asOf().getDayOfMonth() + " tháng " + report.asOf().getMonthValue() + " năm "
                + report.asOf().getYear(), regular, 9, right, y - 12);
        y -= 30;
        at("NGƯỜI LẬP BIỂU", bold, 10, left, y);
        at("GIÁM ĐỐC", bold, 10, right + 70, y);
        y -= 13;
        at("(Ký, ghi rõ họ tên)", regular, 9, left, y);
        at("(Ký tên, đóng dấu)", regular, 9, right + 62, y);
        y -= 80;
    }

    /** "Trang i/n" at the foot of every page. */
    private void numberPages() throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i), PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String label = "Trang " + (i + 1) + "/" + count;
                foot.beginText();
                foot.setFont(regular, SIZE);
                foot.newLineAtOffset((PAGE.getWidth() - width(label, regular)) / 2, MARGIN / 2);
                foot.showText(label);
                foot.endText();
            }
        }
    }

    private void at(String text, PDType0Font font, float size, float x, float atY) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(printable(text, font));
        page.endText();
    }

    private void table(List<String> headings, List<List<String>> rows, float[] widths) throws IOException {
        row(headings, widths, bold, true);
        for (List<String> cells : rows) {
            if (height(cells, widths, regular) > y - MARGIN) {
                newPage();
                row(headings, widths, bold, true);
            }
            row(cells, widths, regular, false);
        }
    }

    private void row(List<String> cells, float[] widths, PDType0Font font, boolean heading) throws IOException {
        float height = height(cells, widths, font);
        float x = MARGIN;
        if (heading) {
            page.setNonStrokingColor(new Color(0xE8, 0xEE, 0xF4));
            page.addRect(MARGIN, y - height, sum(widths), height);
            page.fill();
            page.setNonStrokingColor(Color.BLACK);
        }
        page.setLineWidth(0.4f);
        for (int c = 0; c < cells.size(); c++) {
            page.addRect(x, y - height, widths[c], height);
            page.stroke();
            float lineY = y - PAD - SIZE;
            for (String line : wrap(cells.get(c), font, widths[c] - 2 * PAD)) {
                page.beginText();
                page.setFont(font, SIZE);
                page.newLineAtOffset(x + PAD, lineY);
                page.showText(line);
                page.endText();
                lineY -= LEADING;
            }
            x += widths[c];
        }
        y -= height;
    }

    private float height(List<String> cells, float[] widths, PDType0Font font) throws IOException {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, wrap(cells.get(c), font, widths[c] - 2 * PAD).size());
        }
        return lines * LEADING + 2 * PAD;
    }

    /** Words to lines no wider than {@code width}; a word wider than a line is cut. */
    private static List<String> wrap(String raw, PDType0Font font, float width) throws IOException {
        String text = printable(raw, font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            line.setLength(0);
            while (width(word, font) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The text as the font can draw it: a character it has no glyph for (an emoji in a unit's name, a script DejaVu Sans
     * lacks) becomes "?", a control character a space, so that a name never makes the report fail. The XLSX and CSV
     * keep the name as it is.
     */
    static String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static float width(String text, PDType0Font font) throws IOException {
        return font.getStringWidth(text) / 1000 * SIZE;
    }

    private void text(String text, PDType0Font font, float size, float x) throws IOException {
        ensure(size + 4);
        y -= size + 3;
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(printable(text, font));
        page.endText();
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PAGE);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PAGE.getHeight() - MARGIN;
    }

    private static float sum(float[] widths) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        return total;
    }

    private static PDType0Font font(PDDocument document, String file) throws IOException {
        try (InputStream in = PdfReport.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is not on the classpath (net.sf.jasperreports:jasperreports-fonts)");
            }
            return PDType0Font.load(document, in, true);
        }
    }
}
