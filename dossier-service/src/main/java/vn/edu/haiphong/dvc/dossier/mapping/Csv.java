package vn.edu.haiphong.dvc.dossier.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 4180 reader for the catalogue spreadsheets officials export: comma-separated, fields
 * optionally in double quotes (a quote inside doubled), CRLF or LF line ends, an optional UTF-8 byte
 * order mark, a header row naming the columns.
 */
public final class Csv {

    /** A data row: its number in the file (the header is row 1) and its values by lower-cased column name. */
    public record Row(int number, Map<String, String> values) {

        /** The trimmed value, or null when the column is absent or the cell empty. */
        public String get(String column) {
            String value = values.get(column.toLowerCase(Locale.ROOT));
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The file could not be read as CSV at all. */
    public static final class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    private Csv() {
    }

    public static List<Row> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new MalformedCsvException("The file is empty: a header row is required");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() > header.size()) {
                throw new MalformedCsvException("Row " + (r + 1) + " has " + cells.size() + " cells but the header names "
                        + header.size() + " columns");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                values.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(r + 1, values));
        }
        return rows;
    }

    public static List<String> header(String text) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        return records.isEmpty() ? List.of()
                : records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                if (cell.length() > 0 || cellWasQuoted) {
                    throw new MalformedCsvException("Row " + (records.size() + 1) + ": a quote may only open a cell");
                }
                quoted = true;
                cellWasQuoted = true;
            } else if (ch == ',') {
                current.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(cell.toString());
                records.add(current);
                current = new ArrayList<>();
                cell.setLength(0);
                cellWasQuoted = false;
            } else {
                if (cellWasQuoted) {
                    throw new MalformedCsvException("Row " + (records.size() + 1) + ": text after a closing quote");
                }
                cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException("Row " + (records.size() + 1) + ": a quoted cell is not closed");
        }
        if (cell.length() > 0 || cellWasQuoted || !current.isEmpty()) {
            current.add(cell.toString());
            records.add(current);
        }
        return records;
    }
}
