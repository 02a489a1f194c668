package io.vigie.regulatory.clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.events.AlertClassified;
import io.vigie.events.RegulatoryReportChanged;
import io.vigie.events.Severity;
import io.vigie.events.Topics;
import io.vigie.regulatory.RegulatoryITSupport;
import io.vigie.regulatory.obligation.DueSoon;
import io.vigie.regulatory.obligation.Stages;
import io.vigie.regulatory.obligation.Triggers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlineClockIT extends RegulatoryITSupport {

    @Autowired
    Stages stages;

    @Autowired
    Triggers triggers;

    @Autowired
    DueSoon dueSoon;

    @Autowired
    ReportGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldAnnounceDueSoonAndOverdueOnceEvenWithTwoInstancesRacing() throws Exception {
        String client = newClient();
        profile(client, """
                {"gdpr":{"contactPoint":"DPO","supervisoryAuthority":"CNIL"},
                 "nis2":{"entityType":"IMPORTANT","authority":"ANSSI"}}""");
        UUID incident = UUID.randomUUID();
        send(Topics.ALERT_CLASSIFIED, incident, classified(incident, true, client));
        awaitReports(incident, 3);
        DeadlineClock one = new DeadlineClock(stages, triggers, dueSoon, gauges, clock);
        DeadlineClock other = new DeadlineClock(stages, triggers, dueSoon, gauges, clock);

        // 70 h later: the 24 h early warning is overdue, the 72 h reports are within their last 3 hours.
        clock.advance(Duration.ofHours(70));
        race(one, other);
        race(one, other);
        JsonNode reports = awaitReports(incident, 3);
        assertThat(report(reports, client, "NIS2_EARLY_WARNING").get("state").asString()).isEqualTo("OVERDUE");
        assertThat(report(reports, client, "GDPR_AUTHORITY_NOTIFICATION").get("state").asString()).isEqualTo("DUE_SOON");

        // 73 h later: everything is overdue.
        clock.advance(Duration.ofHours(3));
        race(one, other);
        race(one, other);
        one.tick();

        // A late submission is the marker: the relay keeps the outbox's order, so once it is on the topic every
        // announcement before it is too.
        String art33 = "/api/incidents/" + incident + "/clients/" + client + "/reports/GDPR_AUTHORITY_NOTIFICATION";
        call("PUT", art33 + "/draft", MANAGER, """
                {"elements":{"dataSubjectCategories":"Employees","approximateDataSubjects":"120",
                 "approximateRecords":"120","likelyConsequences":"Phishing aimed at the employees"}}""");
        double lateBefore = meters.counter("vigie.regulatory.submissions", "regime", "GDPR", "timeliness", "late")
                .count();
        HttpResponse<String> withoutReason = call("POST", art33 + "/submission", MANAGER, "{}");
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(withoutReason.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("delayReason");
        assertThat(call("POST", art33 + "/submission", MANAGER,
                "{\"delayReason\":\"The client's DPO was unreachable over the weekend\"}").statusCode()).isEqualTo(200);
        assertThat(meters.counter("vigie.regulatory.submissions", "regime", "GDPR", "timeliness", "late").count())
                .isEqualTo(lateBefore + 1);

        List<RegulatoryReportChanged> events = awaitEvents(incident, has("GDPR_AUTHORITY_NOTIFICATION", "SUBMITTED"));
        assertThat(count(events, "NIS2_EARLY_WARNING", "OVERDUE")).isEqualTo(1);
        assertThat(count(events, "NIS2_EARLY_WARNING", "DUE_SOON")).isZero();
        assertThat(count(events, "GDPR_AUTHORITY_NOTIFICATION", "DUE_SOON")).isEqualTo(1);
        assertThat(count(events, "GDPR_AUTHORITY_NOTIFICATION", "OVERDUE")).isEqualTo(1);
        assertThat(count(events, "NIS2_INCIDENT_NOTIFICATION", "DUE_SOON")).isEqualTo(1);
        assertThat(count(events, "NIS2_INCIDENT_NOTIFICATION", "OVERDUE")).isEqualTo(1);
        RegulatoryReportChanged submitted = events.get(events.size() - 1);
        assertThat(submitted.getLate()).isTrue();
        assertThat(submitted.getReason()).contains("unreachable");

        // The gauge counts what is overdue, as the database has it at the tick.
        gauges.refresh();
        Integer overdueInDatabase = jdbc.queryForObject("SELECT COUNT(*) FROM report_stage WHERE status = 'OPEN' "
                + "AND report = 'NIS2_EARLY_WARNING' AND due_at <= ?", Integer.class, Timestamp.from(clock.instant()));
        double gauge = meters.get("vigie.regulatory.reports").tags("report", "NIS2_EARLY_WARNING", "state", "overdue")
                .gauge().value();
        assertThat(overdueInDatabase).isPositive();
        assertThat(gauge).isEqualTo(overdueInDatabase.doubleValue());
    }

    @Test
    void shouldProposeTheRegimeWhenAnIncidentStaysUnresolvedLongerThanACriterionAllows() throws Exception {
        String client = newClient();
        profile(client, "{\"nis2\":{\"entityType\":\"IMPORTANT\",\"authority\":\"ANSSI\"}}");
        UUID incident = UUID.randomUUID();
        AlertClassified medium = classified(incident, false, client);
        medium.setSeverity(Severity.MEDIUM);
        send(Topics.ALERT_CLASSIFIED, incident, medium);
        await().atMost(Duration.ofSeconds(60)).until(() -> call("GET", "/api/incidents/" + incident + "/regimes",
                VIEWER, null).statusCode() == 200);
        DeadlineClock clockJob = new DeadlineClock(stages, triggers, dueSoon, gauges, clock);
        clockJob.tick();
        assertThat(awaitReports(incident, 0)).isEmpty();

        clock.advance(Duration.ofHours(24));
        clockJob.tick();

        RegulatoryReportChanged opened = awaitEvents(incident, has("NIS2_EARLY_WARNING", "OPENED")).stream()
                .filter(e -> e.getChange().name().equals("OPENED")).findFirst().orElseThrow();
        assertThat(opened.getReason()).isEqualTo("Proposed: criteria matched: long-disruption");
        awaitReports(incident, 2);
    }

    /** Both instances start together on the same rows. */
    private static void race(DeadlineClock one, DeadlineClock other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> first = () -> {
                start.await();
                return one.announceDeadlines();
            };
            Callable<Integer> second = () -> {
                start.await();
                return other.announceDeadlines();
            };
            Future<Integer> a = pool.submit(first);
            Future<Integer> b = pool.submit(second);
            start.countDown();
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
    }

    private static long count(List<RegulatoryReportChanged> events, String report, String change) {
        return events.stream().filter(e -> e.getReport().name().equals(report) && e.getChange().name().equals(change))
                .count();
    }
}
