package io.complaintflow.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Counts time only while the office is open: working days, opening hours, minus holidays. */
public final class BusinessCalendar implements SlaCalendar {
    private static final int MAX_DAYS_SEARCHED = 3700;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    public BusinessCalendar(BusinessHoursProperties p) {
        if (!p.getOpens().isBefore(p.getCloses())) {
            throw new IllegalArgumentException("complaintflow.sla.business-hours: opens must be before closes");
        }
        if (p.getWorkingDays().isEmpty() && p.getExtraWorkingDays().isEmpty()) {
            throw new IllegalArgumentException("complaintflow.sla.business-hours: no working days");
        }
        this.zone = p.getZone();
        this.workingDays = Set.copyOf(p.getWorkingDays());
        this.opens = p.getOpens();
        this.closes = p.getCloses();
        this.holidays = dates(p.getHolidays(), "holidays");
        this.extraWorkingDays = dates(p.getExtraWorkingDays(), "extra-working-days");
    }

    @Override
    public Instant add(Instant start, Duration workingTime) {
        ZonedDateTime cursor = nextOpenMoment(start.atZone(zone));
        Duration left = workingTime;
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            Duration openToday = Duration.between(cursor.toLocalTime(), closes);
            if (left.compareTo(openToday) <= 0) {
                return cursor.plus(left).toInstant();
            }
            left = left.minus(openToday);
            cursor = nextOpenMoment(cursor.toLocalDate().plusDays(1).atTime(opens).atZone(zone));
        }
        throw new IllegalStateException("No working time within " + MAX_DAYS_SEARCHED + " days");
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = nextOpenMoment(from.atZone(zone));
        ZonedDateTime end = to.atZone(zone);
        while (cursor.isBefore(end)) {
            ZonedDateTime closing = cursor.toLocalDate().atTime(closes).atZone(zone);
            total = total.plus(Duration.between(cursor, closing.isBefore(end) ? closing : end));
            cursor = nextOpenMoment(cursor.toLocalDate().plusDays(1).atTime(opens).atZone(zone));
        }
        return total;
    }

    /** The moment itself if the office is open then, else the next opening. */
    private ZonedDateTime nextOpenMoment(ZonedDateTime moment) {
        ZonedDateTime cursor = moment;
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date) && cursor.toLocalTime().isBefore(closes)) {
                return cursor.toLocalTime().isBefore(opens) ? date.atTime(opens).atZone(zone) : cursor;
            }
            cursor = date.plusDays(1).atTime(opens).atZone(zone);
        }
        throw new IllegalStateException("No working day within " + MAX_DAYS_SEARCHED + " days");
    }

    boolean isWorkingDay(LocalDate date) {
        return extraWorkingDays.contains(date) || (workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date));
    }

    private static Set<LocalDate> dates(List<String> entries, String property) {
        Set<LocalDate> dates = new HashSet<>();
        for (String entry : entries) {
            try {
                String[] range = entry.trim().split("/");
                LocalDate first = LocalDate.parse(range[0].trim());
                LocalDate last = range.length > 1 ? LocalDate.parse(range[1].trim()) : first;
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    dates.add(d);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("complaintflow.sla.business-hours." + property + ": \"" + entry
                        + "\" is not a date (2026-10-01) or a range (2026-10-01/2026-10-07)", e);
            }
        }
        return dates;
    }
}
