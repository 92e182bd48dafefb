package io.complaintflow.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-hours calendar for SLA rows marked {@code business-hours}
 * (properties {@code complaintflow.sla.business-hours.*}; the README documents the format).
 */
@ConfigurationProperties("complaintflow.sla.business-hours")
public class BusinessHoursProperties {
    /** The time zone the office hours are read in. */
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private LocalTime opens = LocalTime.of(9, 0);
    private LocalTime closes = LocalTime.of(18, 0);
    /** Days off: single dates (2026-10-01) or inclusive ranges (2026-10-01/2026-10-07). */
    private List<String> holidays = new ArrayList<>();
    /** Non-working days that are worked this year (e.g. a Saturday swapped for a holiday). */
    private List<String> extraWorkingDays = new ArrayList<>();

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public Set<DayOfWeek> getWorkingDays() {
        return workingDays;
    }

    public void setWorkingDays(Set<DayOfWeek> workingDays) {
        this.workingDays = workingDays;
    }

    public LocalTime getOpens() {
        return opens;
    }

    public void setOpens(LocalTime opens) {
        this.opens = opens;
    }

    public LocalTime getCloses() {
        return closes;
    }

    public void setCloses(LocalTime closes) {
        this.closes = closes;
    }

    public List<String> getHolidays() {
        return holidays;
    }

    public void setHolidays(List<String> holidays) {
        this.holidays = holidays;
    }

    public List<String> getExtraWorkingDays() {
        return extraWorkingDays;
    }

    public void setExtraWorkingDays(List<String> extraWorkingDays) {
        this.extraWorkingDays = extraWorkingDays;
    }
}
