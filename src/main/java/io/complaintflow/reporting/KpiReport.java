package io.complaintflow.reporting;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.complaintflow.engine.EngineClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs the managers read (DOMAIN.md; each defined in README "KPI report"), over the complaints received in a
 * range of days of the office's time zone, per period and group: the tallies of each day and group, rolled up
 * ({@link KpiRollup}) and read from the complaints not rolled up ({@link KpiFacts}), added up per row.
 */
@Component
public class KpiReport {
    /** The figures of one period and group; a rate or average is null where nothing counts towards it. */
    public record Figures(long received, BigDecimal shareOfVolume,
                          long responseCounted, BigDecimal onTimeResponseRate, BigDecimal averageResponseMinutes,
                          BigDecimal p90ResponseMinutes,
                          long resolutionCounted, BigDecimal onTimeResolutionRate, long resolved,
                          BigDecimal averageResolutionMinutes, BigDecimal p90ResolutionMinutes,
                          BigDecimal firstContactResolutionRate, BigDecimal reopenRate, long breaches, long escalations,
                          BigDecimal compensationCost,
                          long surveyAnswers, BigDecimal csat, BigDecimal satisfiedShare, long npsAnswers, BigDecimal nps) {
    }

    /** {@code period}: the first day of the row's period; the group's values under their dimension's name. */
    public record Row(LocalDate period, @JsonIgnore Map<String, String> group, @JsonUnwrapped Figures figures) {
        @JsonAnyGetter
        public Map<String, String> groupValues() {
            return group;
        }
    }

    public record Report(LocalDate from, LocalDate to, String zone, KpiQuery.Period period, List<String> groupBy, List<Row> rows) {
    }

    private final KpiFacts facts;
    private final KpiRollup rollup;

    public KpiReport(KpiFacts facts, KpiRollup rollup) {
        this.facts = facts;
        this.rollup = rollup;
    }

    /** A row's period (its index in the query's periods) and group values (in the query's groupBy order). */
    private record Group(int period, List<String> values) {
    }

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<Group> ORDER = Comparator.comparingInt(Group::period).thenComparing(Group::values, (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = NULLS_LAST.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    });

    /**
     * Settled complaints come from the roll-up, every other one as it stands now; both read in one snapshot
     * (repeatable read), so a complaint rolled up meanwhile counts once.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report of(KpiQuery query) {
        Instant now = EngineClock.now().toInstant();
        List<LocalDate> periods = query.periodStarts();
        Map<LocalDate, Integer> periodOf = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            periodOf.put(periods.get(i), i);
        }
        List<Integer> grouped = query.groupBy().stream().map(d -> d.ordinal()).toList();
        Map<Group, KpiTally> groups = new TreeMap<>(ORDER);
        long[] perPeriod = new long[periods.size()];
        BiConsumer<KpiFacts.Key, KpiTally> add = (key, tally) -> {
            int period = periodOf.get(query.period().start(key.day(), query.from()));
            List<String> values = grouped.stream().map(key.dimensions()::get).toList();
            groups.computeIfAbsent(new Group(period, values), g -> new KpiTally()).add(tally);
            perPeriod[period] += tally.received;
        };
        rollup.of(query.from(), query.to(), query.filters(), add);
        facts.of(new KpiFacts.Days(query.from(), query.to()), query.filters(), now).forEach(add);
        List<Row> rows = new ArrayList<>();
        groups.forEach((group, tally) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                values.put(query.groupBy().get(i).key(), group.values().get(i));
            }
            rows.add(new Row(periods.get(group.period()), values, tally.figures(perPeriod[group.period()])));
        });
        return new Report(query.from(), query.to(), facts.zone().getId(), query.period(),
                query.groupBy().stream().map(KpiQuery.Dimension::key).toList(), rows);
    }
}
