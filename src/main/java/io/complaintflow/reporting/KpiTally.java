package io.complaintflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * What the KPIs of some complaints add up from, before it becomes rates, averages and percentiles: one day and group
 * of a roll-up ({@link KpiRollup}), a day read live ({@link KpiFacts}), or a row of a report, which adds those up.
 * Times are kept to the millisecond, each complaint's, so a p90 over any days and groups is exact.
 */
final class KpiTally {
    /** Each counted figure: its column in a rolled-up day's row (kpi_day) and its field here, in one list. */
    record Counter(String column, ToLongFunction<KpiTally> read, ObjLongConsumer<KpiTally> write) {
    }

    static final List<Counter> COUNTERS = List.of(
            new Counter("received", t -> t.received, (t, v) -> t.received = v),
            new Counter("response_counted", t -> t.responseCounted, (t, v) -> t.responseCounted = v),
            new Counter("response_on_time", t -> t.responseOnTime, (t, v) -> t.responseOnTime = v),
            new Counter("resolution_counted", t -> t.resolutionCounted, (t, v) -> t.resolutionCounted = v),
            new Counter("resolution_on_time", t -> t.resolutionOnTime, (t, v) -> t.resolutionOnTime = v),
            new Counter("first_contact", t -> t.firstContact, (t, v) -> t.firstContact = v),
            new Counter("reopened", t -> t.reopened, (t, v) -> t.reopened = v),
            new Counter("breaches", t -> t.breaches, (t, v) -> t.breaches = v),
            new Counter("escalations", t -> t.escalations, (t, v) -> t.escalations = v),
            new Counter("survey_answers", t -> t.surveyAnswers, (t, v) -> t.surveyAnswers = v),
            new Counter("satisfaction_points", t -> t.satisfactionPoints, (t, v) -> t.satisfactionPoints = v),
            new Counter("satisfied", t -> t.satisfied, (t, v) -> t.satisfied = v),
            new Counter("nps_answers", t -> t.npsAnswers, (t, v) -> t.npsAnswers = v),
            new Counter("promoters", t -> t.promoters, (t, v) -> t.promoters = v),
            new Counter("detractors", t -> t.detractors, (t, v) -> t.detractors = v));
    long received;
    long responseCounted;
    long responseOnTime;
    long resolutionCounted;
    long resolutionOnTime;
    long firstContact;
    long reopened;
    long breaches;
    long escalations;
    BigDecimal compensation = BigDecimal.ZERO;
    long surveyAnswers;
    /** Satisfaction 1–5 counted from 0: the CSAT is 25 × these over the answers. */
    long satisfactionPoints;
    long satisfied;
    long npsAnswers;
    long promoters;
    long detractors;
    /** Received → first response of each complaint answered; received → resolved of each resolved. */
    final Millis responseMillis = new Millis();
    final Millis resolutionMillis = new Millis();

    void add(KpiTally other) {
        for (Counter counter : COUNTERS) {
            counter.write().accept(this, counter.read().applyAsLong(this) + counter.read().applyAsLong(other));
        }
        compensation = compensation.add(other.compensation);
        responseMillis.addAll(other.responseMillis);
        resolutionMillis.addAll(other.resolutionMillis);
    }

    /** The figures (README "KPI report"), with the share of the period's complaints received. */
    KpiReport.Figures figures(long receivedInPeriod) {
        long resolved = resolutionMillis.size();
        return new KpiReport.Figures(received, rate(received, receivedInPeriod),
                responseCounted, rate(responseOnTime, responseCounted), responseMillis.averageMinutes(),
                responseMillis.p90Minutes(),
                resolutionCounted, rate(resolutionOnTime, resolutionCounted), resolved,
                resolutionMillis.averageMinutes(), resolutionMillis.p90Minutes(),
                rate(firstContact, resolved), rate(reopened, resolved), breaches, escalations,
                compensation.setScale(2, RoundingMode.HALF_UP),
                surveyAnswers, surveyAnswers == 0 ? null : BigDecimal.valueOf(25 * satisfactionPoints)
                        .divide(BigDecimal.valueOf(surveyAnswers), 1, RoundingMode.HALF_UP),
                rate(satisfied, surveyAnswers), npsAnswers, npsAnswers == 0 ? null
                        : BigDecimal.valueOf(100 * (promoters - detractors)).divide(BigDecimal.valueOf(npsAnswers), 1, RoundingMode.HALF_UP));
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
