package io.complaintflow.reporting;

import io.complaintflow.web.ApiErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers, supervisors, process owners and admins only (see security.HttpSurfaces). */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final KpiReport kpis;

    public ReportController(KpiReport kpis) {
        this.kpis = kpis;
    }

    /**
     * {@code month=YYYY-MM} (by type and priority), or {@code from} and {@code to} (days, both included) with
     * {@code period}, {@code groupBy} and a filter per dimension; {@code format=csv} for a spreadsheet.
     */
    @GetMapping("/kpis")
    public ResponseEntity<?> kpis(@RequestParam Map<String, String> params) {
        KpiQuery query = query(params);
        KpiReport.Report report = kpis.of(query);
        String format = params.getOrDefault("format", "json");
        if ("csv".equals(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis-" + query.from() + "-" + query.to() + ".csv\"")
                    .body(KpiCsv.of(report));
        }
        if (!"json".equals(format)) {
            throw ApiErrors.BadRequest.of("format", "must be json or csv");
        }
        return ResponseEntity.ok(report);
    }

    private static KpiQuery query(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw ApiErrors.BadRequest.of(name, "is not a parameter of this report (" + String.join(", ", KNOWN) + ")");
            }
        }
        String month = params.get("month");
        if (month != null) {
            KpiQuery monthly = KpiQuery.month(KpiQuery.parseMonth(month));
            return params.containsKey("groupBy") || params.containsKey("period") || filters(params).size() > 0
                    ? new KpiQuery(monthly.from(), monthly.to(), period(params), groupBy(params), filters(params)) : monthly;
        }
        if (!params.containsKey("from") && !params.containsKey("to")) {
            throw ApiErrors.BadRequest.of("month", "is required, as YYYY-MM (or from and to, as YYYY-MM-DD)");
        }
        LocalDate from = day(params, "from");
        LocalDate to = day(params, "to");
        if (to.isBefore(from)) {
            throw ApiErrors.BadRequest.of("to", "must not be before from");
        }
        KpiQuery query = new KpiQuery(from, to, period(params), groupBy(params), filters(params));
        if (query.days() > KpiQuery.MAX_DAYS) {
            throw ApiErrors.BadRequest.of("to", "must be at most " + KpiQuery.MAX_DAYS + " days after from");
        }
        return query;
    }

    private static final List<String> KNOWN = new ArrayList<>(List.of("month", "from", "to", "period", "groupBy", "format"));

    static {
        Arrays.stream(KpiQuery.Dimension.values()).map(KpiQuery.Dimension::key).forEach(KNOWN::add);
    }

    private static LocalDate day(Map<String, String> params, String name) {
        String value = params.get(name);
        try {
            LocalDate day = LocalDate.parse(value == null ? "" : value.trim());
            if (day.getYear() < 2000 || day.getYear() > 2999) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiErrors.BadRequest.of(name, "must be a day as YYYY-MM-DD from 2000 to 2999, e.g. 2026-10-01");
        }
    }

    private static KpiQuery.Period period(Map<String, String> params) {
        String value = params.getOrDefault("period", "whole").trim();
        return Arrays.stream(KpiQuery.Period.values()).filter(p -> p.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ApiErrors.BadRequest.of("period", "must be one of day, week, month, whole"));
    }

    private static List<KpiQuery.Dimension> groupBy(Map<String, String> params) {
        String value = params.getOrDefault("groupBy", "").trim();
        if (value.isEmpty()) {
            return List.of();
        }
        List<KpiQuery.Dimension> dimensions = new ArrayList<>();
        for (String name : value.split(",")) {
            KpiQuery.Dimension dimension = dimension(name.trim())
                    .orElseThrow(() -> ApiErrors.BadRequest.of("groupBy", "takes type, priority, tier, channel, category, segment"));
            if (!dimensions.contains(dimension)) {
                dimensions.add(dimension);
            }
        }
        return dimensions;
    }

    private static Map<KpiQuery.Dimension, String> filters(Map<String, String> params) {
        Map<KpiQuery.Dimension, String> filters = new EnumMap<>(KpiQuery.Dimension.class);
        for (KpiQuery.Dimension dimension : KpiQuery.Dimension.values()) {
            String value = params.get(dimension.key());
            if (value != null) {
                if (value.isBlank() || value.length() > KpiQuery.MAX_FILTER) {
                    throw ApiErrors.BadRequest.of(dimension.key(), "must be a value of 1 to " + KpiQuery.MAX_FILTER + " characters");
                }
                filters.put(dimension, value.trim());
            }
        }
        return filters;
    }

    private static java.util.Optional<KpiQuery.Dimension> dimension(String name) {
        return Arrays.stream(KpiQuery.Dimension.values()).filter(d -> d.key().equals(name)).findFirst();
    }
}
