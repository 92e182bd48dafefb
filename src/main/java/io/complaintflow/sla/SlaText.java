package io.complaintflow.sla;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** How deadlines read for agents: in the office's time zone, to the minute. */
@Component
public class SlaText {
    private final DateTimeFormatter format;
    private final DateTimeFormatter timeOfDay;

    public SlaText(SlaCalendars calendars) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)").withZone(calendars.zone());
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm").withZone(calendars.zone());
    }

    public String timeOfDay(OffsetDateTime time) {
        return timeOfDay.format(time);
    }

    public String moment(OffsetDateTime time) {
        return time == null ? "-" : format.format(time);
    }

    /** A complaint as the lists on forms show it: "ticket  received  subject". */
    public String complaintLine(String ticketNumber, OffsetDateTime receivedAt, String subject) {
        return ticketNumber + "  " + moment(receivedAt) + "  " + subject;
    }

    /** What ends a list that shows only some: "\n… and 50 more · 另有 50 件"; empty when none is left out. */
    public static String notListed(long left) {
        return left > 0 ? "\n… and %1$d more · 另有 %1$d 件".formatted(left) : "";
    }

    /** 1 d 2 h 5 min; negative durations read as overdue. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        // whole minutes left; an overdue clock counts every started minute
        long minutes = d.isNegative() ? (d.abs().getSeconds() + 59) / 60 : d.getSeconds() / 60;
        String text = spelled(minutes, " d ", " h ", " min");
        return d.isNegative() && minutes > 0 ? "overdue by " + text : text;
    }

    /** Whole minutes as Chinese staff read them: "2 天 3 小时 5 分钟". */
    public static String durationInChinese(long minutes) {
        return spelled(minutes, " 天 ", " 小时 ", " 分钟");
    }

    private static String spelled(long minutes, String days, String hours, String mins) {
        StringBuilder s = new StringBuilder();
        if (minutes >= 1440) {
            s.append(minutes / 1440).append(days);
        }
        if (minutes % 1440 >= 60) {
            s.append(minutes % 1440 / 60).append(hours);
        }
        if (minutes % 60 > 0 || s.isEmpty()) {
            s.append(minutes % 60).append(mins);
        }
        return s.toString().trim();
    }
}
