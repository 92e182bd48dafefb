package io.complaintflow.reporting;

import io.complaintflow.web.ApiErrors;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which complaints a KPI report counts and how it groups them: received from {@code from} to {@code to} (whole days
 * of the office's zone, both included), cut into periods, grouped by some of the dimensions, filtered by others.
 */
public record KpiQuery(LocalDate from, LocalDate to, Period period, List<Dimension> groupBy, Map<Dimension, String> filters) {
    /** The longest range a report covers; a day-by-day report of it has as many rows per group. */
    public static final int MAX_DAYS = 400;
    /** The longest value a filter takes. */
    public static final int MAX_FILTER = 60;
    private static final Pattern MONTH_FORMAT = Pattern.compile("2\\d{3}-(0[1-9]|1[0-2])");

    /** A month as YYYY-MM; anything else is refused naming the parameter {@code month}. */
    public static YearMonth parseMonth(String text) {
        if (text == null || !MONTH_FORMAT.matcher(text.trim()).matches()) {
            throw ApiErrors.BadRequest.of("month", "must be a month as YYYY-MM from 2000-01 to 2999-12, e.g. 2026-10");
        }
        return YearMonth.parse(text.trim());
    }

    public enum Period {
        DAY, WEEK, MONTH, WHOLE;

        /** The first day of the period that holds {@code day} (weeks start on Monday), not before {@code from}. */
        LocalDate start(LocalDate day, LocalDate from) {
            LocalDate start = switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
                case WHOLE -> from;
            };
            return start.isBefore(from) ? from : start;
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
                case MONTH -> start.withDayOfMonth(1).plusMonths(1);
                case WHOLE -> LocalDate.MAX;
            };
        }
    }

    /** What a report may group or filter by: columns of our complaint table. */
    public enum Dimension {
        TYPE, PRIORITY, TIER, CHANNEL, CATEGORY, SEGMENT;

        public String key() {
            return name().toLowerCase();
        }

        String column() {
            return key();
        }
    }

    /** The month's report of the first version: by type and priority, the month as one period. */
    public static KpiQuery month(YearMonth month) {
        return new KpiQuery(month.atDay(1), month.atEndOfMonth(), Period.WHOLE, List.of(Dimension.TYPE, Dimension.PRIORITY), Map.of());
    }

    /** The first day of each period in the range, in order. */
    List<LocalDate> periodStarts() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = period.next(period.start(start, from))) {
            starts.add(period.start(start, from));
            if (period == Period.WHOLE) {
                break;
            }
        }
        return starts;
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
