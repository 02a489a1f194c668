package io.vigie.cases.dashboard;

import io.vigie.cases.incident.CaseQueries;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.Severity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures behind the board's charts, per UTC day. */
@Component
class DashboardCharts {

    private final CaseQueries cases;
    private final Clock clock;

    DashboardCharts(CaseQueries cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * @param days       the last N UTC days, today included
     * @param perDay     incidents opened per day, per severity
     * @param mttaMinutes mean time from first alert to first client acknowledgement of the day's incidents
     * @param mttrMinutes mean time from first alert to resolution of the day's incidents
     */
    record Charts(List<String> days, Map<Severity, List<Integer>> perDay, List<Double> mttaMinutes,
                  List<Double> mttrMinutes) {
    }

    Charts lastDays(int count) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(count - 1L);
        Map<LocalDate, List<IncidentCase>> byDay = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            byDay.put(day, new ArrayList<>());
        }
        for (IncidentCase c : cases.openedSince(first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            List<IncidentCase> day = byDay.get(LocalDate.ofInstant(c.clocks().openedAt(), ZoneOffset.UTC));
            if (day != null) {
                day.add(c);
            }
        }
        Map<Severity, List<Integer>> perDay = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            perDay.put(severity, byDay.values().stream()
                    .map(day -> (int) day.stream().filter(c -> c.severity() == severity).count()).toList());
        }
        List<Double> mtta = new ArrayList<>();
        List<Double> mttr = new ArrayList<>();
        for (List<IncidentCase> day : byDay.values()) {
            mtta.add(meanMinutes(day.stream().filter(c -> c.clocks().firstAcknowledgedAt() != null)
                    .map(c -> Duration.between(c.clocks().openedAt(), c.clocks().firstAcknowledgedAt())).toList()));
            mttr.add(meanMinutes(day.stream().filter(c -> c.clocks().resolvedAt() != null)
                    .map(c -> Duration.between(c.clocks().openedAt(), c.clocks().resolvedAt())).toList()));
        }
        return new Charts(byDay.keySet().stream().map(LocalDate::toString).toList(), perDay, mtta, mttr);
    }

    private static Double meanMinutes(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        double seconds = durations.stream().mapToLong(Duration::toSeconds).average().orElse(0);
        return Math.round(seconds / 6.0) / 10.0;
    }
}
