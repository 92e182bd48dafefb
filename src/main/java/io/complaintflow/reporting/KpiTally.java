package io.complaintflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the KPIs of some complaints add up from, before it becomes rates, averages and percentiles: one day and group
 * of a roll-up ({@link KpiRollup}), a day read live ({@link KpiFacts}), or a row of a report, which adds those up.
 * Times are kept to the millisecond, each complaint's, so a p90 over any days and groups is exact.
 */
final class KpiTally {
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
        received += other.received;
        responseCounted += other.responseCounted;
        responseOnTime += other.responseOnTime;
        resolutionCounted += other.resolutionCounted;
        resolutionOnTime += other.resolutionOnTime;
        firstContact += other.firstContact;
        reopened += other.reopened;
        breaches += other.breaches;
        escalations += other.escalations;
        compensation = compensation.add(other.compensation);
        surveyAnswers += other.surveyAnswers;
        satisfactionPoints += other.satisfactionPoints;
        satisfied += other.satisfied;
        npsAnswers += other.npsAnswers;
        promoters += other.promoters;
        detractors += other.detractors;
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
