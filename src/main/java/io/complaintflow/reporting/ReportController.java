package io.complaintflow.reporting;

import io.complaintflow.complaint.ApiErrors;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers, supervisors, process owners and admins only (see WebSecurityFilters). */
@RestController
@RequestMapping("/api/reports")
public class ReportController {
    private final KpiReport kpis;

    public ReportController(KpiReport kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    public KpiReport.Month kpis(@RequestParam(required = false) String month) {
        if (month == null || month.isBlank()) {
            throw ApiErrors.BadRequest.of("month", "is required, as YYYY-MM");
        }
        try {
            return kpis.of(YearMonth.parse(month.trim()));
        } catch (DateTimeParseException e) {
            throw ApiErrors.BadRequest.of("month", "must be a month as YYYY-MM, e.g. 2026-10");
        }
    }
}
