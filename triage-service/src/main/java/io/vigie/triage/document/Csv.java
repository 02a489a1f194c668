package io.vigie.triage.document;

import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RFC 4180 CSV with a header line; each row keeps its line number for error messages. */
public final class Csv {

    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column.toLowerCase(Locale.ROOT));
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private Csv() {
    }

    public static List<Row> parse(String text, List<String> requiredColumns) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                if (!(current.size() == 1 && current.get(0).isBlank())) {
                    records.add(current);
                    lines.add(recordLine);
                }
                current = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("The CSV is not valid",
                    new InputError(recordLine, "", "a quoted value is never closed"));
        }
        current.add(field.toString());
        if (!(current.size() == 1 && current.get(0).isBlank())) {
            records.add(current);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            throw new InvalidInputException("The CSV is empty", new InputError(1, "", "no header line"));
        }
        List<String> header = records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = requiredColumns.stream()
                .filter(column -> !header.contains(column.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("The CSV header lacks columns",
                    new InputError(1, String.join(",", missing), "missing column(s) " + missing + "; header is " + header));
        }
        List<Row> rows = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() > header.size()) {
                errors.add(new InputError(lines.get(r), "", record.size() + " values for " + header.size() + " columns"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < record.size(); c++) {
                values.put(header.get(c), record.get(c));
            }
            rows.add(new Row(lines.get(r), values));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The CSV is not valid", errors);
        }
        return rows;
    }

    /** A list inside one CSV value, separated by semicolons or pipes. */
    public static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split("[;|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
