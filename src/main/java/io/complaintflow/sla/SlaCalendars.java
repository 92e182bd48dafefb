package io.complaintflow.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Finds the calendar an SLA table row names: {@code 24x7} or {@code business-hours}. */
@Component
@EnableConfigurationProperties(BusinessHoursProperties.class)
public class SlaCalendars {
    public static final String ROUND_THE_CLOCK = "24x7";
    public static final String BUSINESS_HOURS = "business-hours";

    private final BusinessCalendar businessHours;
    private final java.time.ZoneId zone;

    public SlaCalendars(BusinessHoursProperties properties) {
        this.businessHours = new BusinessCalendar(properties);
        this.zone = properties.getZone();
    }

    public SlaCalendar named(String name) {
        if (name == null || ROUND_THE_CLOCK.equals(name)) {
            return SlaCalendar.ROUND_THE_CLOCK;
        }
        if (BUSINESS_HOURS.equals(name)) {
            return businessHours;
        }
        throw new IllegalArgumentException("The SLA table names an unknown calendar \"" + name
                + "\"; use 24x7 or business-hours");
    }

    /** The zone deadlines are shown in to agents. */
    public java.time.ZoneId zone() {
        return zone;
    }
}
