package io.complaintflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Office hours 09:00-18:00 Monday to Friday in Shanghai, 2027-03-01 off, Saturday 2027-03-13 worked. */
class BusinessCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final BusinessCalendar calendar = new BusinessCalendar(properties());

    private static BusinessHoursProperties properties() {
        BusinessHoursProperties p = new BusinessHoursProperties();
        p.setZone(SHANGHAI);
        p.setHolidays(List.of("2027-03-01", "2027-04-05/2027-04-06"));
        p.setExtraWorkingDays(List.of("2027-03-13"));
        return p;
    }

    private static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void countsOnlyOpeningHoursAcrossTheWeekendAndAHoliday() {
        // Friday 16:00 + 24 working hours: Fri 2 h, Mon holiday, Tue 9 h, Wed 9 h, Thu 4 h
        assertThat(calendar.add(at("2027-02-26T16:00"), Duration.ofHours(24))).isEqualTo(at("2027-03-04T13:00"));
        assertThat(calendar.between(at("2027-02-26T16:00"), at("2027-03-04T13:00"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aComplaintReceivedAtNightStartsCountingWhenTheOfficeOpens() {
        assertThat(calendar.add(at("2027-03-09T23:30"), Duration.ofMinutes(15))).isEqualTo(at("2027-03-10T09:15"));
        assertThat(calendar.add(at("2027-03-10T07:00"), Duration.ofHours(9))).isEqualTo(at("2027-03-10T18:00"));
    }

    @Test
    void aWorkedSaturdayCountsAndAHolidayRangeDoesNot() {
        assertThat(calendar.add(at("2027-03-12T17:00"), Duration.ofHours(2))).isEqualTo(at("2027-03-13T10:00"));
        // Friday 2 April 17:00 + 2 h: weekend, then Monday and Tuesday off
        assertThat(calendar.add(at("2027-04-02T17:00"), Duration.ofHours(2))).isEqualTo(at("2027-04-07T10:00"));
    }

    @Test
    void timeBetweenIsNegativeWhenOverdue() {
        assertThat(calendar.between(at("2027-03-10T10:00"), at("2027-03-09T17:00"))).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void aMisspelledHolidayIsRefusedAtStartUp() {
        BusinessHoursProperties p = properties();
        p.setHolidays(List.of("2027-13-01"));
        assertThatThrownBy(() -> new BusinessCalendar(p)).hasMessageContaining("\"2027-13-01\" is not a date");
    }
}
