package io.complaintflow.reporting;

import io.complaintflow.web.ApiErrors;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers, supervisors, process owners and admins only (see security.HttpSurfaces). */
@RestController
@RequestMapping("/api/reports")
public class ReportController {
    private static final Pattern MONTH = Pattern.compile("2\\d{3}-(0[1-9]|1[0-2])");

    private final KpiReport kpis;

    public ReportController(KpiReport kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    public KpiReport.Month kpis(@RequestParam(required = false) String month) {
        if (month == null || month.isBlank()) {
            throw ApiErrors.BadRequest.of("month", "is required, as YYYY-MM");
        }
        if (!MONTH.matcher(month.trim()).matches()) {
            throw ApiErrors.BadRequest.of("month", "must be a month as YYYY-MM from 2000-01 to 2999-12, e.g. 2026-10");
        }
        return kpis.of(YearMonth.parse(month.trim()));
    }
}
