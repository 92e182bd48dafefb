package io.complaintflow.reporting;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** A KPI report as CSV (RFC 4180): a header, then a line per row: period, the group's values, every figure. */
final class KpiCsv {
    private static final RecordComponent[] FIGURES = KpiReport.Figures.class.getRecordComponents();

    private KpiCsv() {
    }

    static String of(KpiReport.Report report) {
        List<String> header = new ArrayList<>(List.of("period"));
        header.addAll(report.groupBy());
        for (RecordComponent figure : FIGURES) {
            header.add(figure.getName());
        }
        StringBuilder csv = new StringBuilder(line(header));
        for (KpiReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.period().toString()));
            report.groupBy().forEach(dimension -> cells.add(row.group().get(dimension)));
            for (RecordComponent figure : FIGURES) {
                try {
                    Object value = figure.getAccessor().invoke(row.figures());
                    cells.add(value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            csv.append(line(cells));
        }
        return csv.toString();
    }

    private static String line(List<String> cells) {
        return String.join(",", cells.stream().map(KpiCsv::cell).toList()) + "\r\n";
    }

    /** Quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?") ? "'" + value : value;
        return text.matches(".*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
