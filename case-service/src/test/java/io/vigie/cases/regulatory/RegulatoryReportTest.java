package io.vigie.cases.regulatory;

import io.vigie.cases.regulatory.ReportChange.Change;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegulatoryReportTest {

    private static final Instant AWARE = Instant.parse("2026-12-06T14:00:00Z");
    private static final Instant DUE = AWARE.plus(Duration.ofHours(72));
    private static final RegulatoryReport.Requirement ART_33 = new RegulatoryReport.Requirement(
            "GDPR_AUTHORITY_NOTIFICATION", "GDPR", "GDPR Art. 33 notification to the supervisory authority",
            "GDPR Art. 33(1): 72 hours after awareness", "CNIL");

    @Test
    void shouldFollowTheChangesRegulatoryServiceReports() {
        assertThat(ReportState.after(null, change(Change.OPENED, DUE, AWARE))).isEqualTo(ReportState.OPEN);
        assertThat(ReportState.after(ReportState.OPEN, change(Change.DUE_SOON, DUE, DUE.minusSeconds(3600))))
                .isEqualTo(ReportState.DUE_SOON);
        assertThat(ReportState.after(ReportState.DUE_SOON, change(Change.OVERDUE, DUE, DUE)))
                .isEqualTo(ReportState.OVERDUE);
        assertThat(ReportState.after(ReportState.OVERDUE, change(Change.SUBMITTED, DUE, DUE.plusSeconds(60))))
                .isEqualTo(ReportState.SUBMITTED);
        assertThat(ReportState.after(ReportState.OPEN, change(Change.WITHDRAWN, DUE, AWARE)))
                .isEqualTo(ReportState.WITHDRAWN);
    }

    @Test
    void shouldKeepTheStateOnADecisionAndNeverLetAClockUndoASubmission() {
        assertThat(ReportState.after(ReportState.DUE_SOON, change(Change.DECIDED, DUE, AWARE)))
                .isEqualTo(ReportState.DUE_SOON);
        assertThat(ReportState.after(null, change(Change.DECIDED, DUE, AWARE))).isEqualTo(ReportState.OPEN);
        assertThat(ReportState.after(ReportState.SUBMITTED, change(Change.OVERDUE, DUE, DUE)))
                .isEqualTo(ReportState.SUBMITTED);
        assertThat(ReportState.after(ReportState.WITHDRAWN, change(Change.DUE_SOON, DUE, AWARE)))
                .isEqualTo(ReportState.WITHDRAWN);
        assertThat(ReportState.after(ReportState.OPEN, change(Change.OTHER, DUE, AWARE))).isEqualTo(ReportState.OPEN);
    }

    @Test
    void shouldCountAgainFromAMovedDeadline() {
        assertThat(ReportState.after(ReportState.OVERDUE, change(Change.DEADLINE_CHANGED, DUE.plusSeconds(7200), DUE)))
                .isEqualTo(ReportState.OPEN);
        assertThat(ReportState.after(ReportState.DUE_SOON, change(Change.DEADLINE_CHANGED, AWARE, DUE)))
                .as("moved to a time already past").isEqualTo(ReportState.OVERDUE);
        assertThat(ReportState.after(ReportState.SUBMITTED, change(Change.DEADLINE_CHANGED, DUE, DUE)))
                .isEqualTo(ReportState.SUBMITTED);
    }

    @Test
    void shouldShowAnUnsettledReportPastItsDeadlineAsOverdueBeforeItsOverdueChangeArrives() {
        RegulatoryReport open = report(DUE).withState(ReportState.OPEN);
        RegulatoryReport submitted = report(DUE).withState(ReportState.SUBMITTED);
        RegulatoryReport withoutDeadline = report(null).withState(ReportState.OPEN);

        assertThat(open.stateAt(DUE.minusSeconds(1))).isEqualTo(ReportState.OPEN);
        assertThat(open.needsAttentionAt(DUE.minusSeconds(1))).isFalse();
        assertThat(open.stateAt(DUE)).isEqualTo(ReportState.OVERDUE);
        assertThat(open.needsAttentionAt(DUE)).isTrue();
        assertThat(submitted.stateAt(DUE.plusSeconds(3600))).isEqualTo(ReportState.SUBMITTED);
        assertThat(withoutDeadline.stateAt(DUE.plus(Duration.ofDays(30)))).isEqualTo(ReportState.OPEN);
    }

    @Test
    void shouldMarkTheOverdueReportFirstOnTheBoard() {
        Instant now = DUE.minusSeconds(600);
        RegulatoryReport dueSoon = report(DUE).withState(ReportState.DUE_SOON);
        RegulatoryReport overdue = report(now.minusSeconds(60)).withState(ReportState.OPEN);
        RegulatoryReport quiet = report(DUE.plus(Duration.ofDays(3))).withState(ReportState.OPEN);

        RegulatoryAttention attention = RegulatoryAttention.of(List.of(quiet, dueSoon, overdue), now);

        assertThat(attention.overdue()).isEqualTo(1);
        assertThat(attention.dueSoon()).isEqualTo(1);
        assertThat(attention.first()).isEqualTo(overdue);
        assertThat(attention.firstState()).isEqualTo(ReportState.OVERDUE);
        assertThat(RegulatoryAttention.of(List.of(quiet), now)).isNull();
    }

    @Test
    void shouldWriteEachChangeOnTheTimelineWithTheRuleWhoAndWhy() {
        ReportChange opened = change(Change.OPENED, Instant.parse("2026-12-09T14:00:00Z"), AWARE);
        RegulatoryReport submitted = new RegulatoryReport("client-b", ART_33,
                new RegulatoryReport.Deadline(AWARE, DUE), ReportState.SUBMITTED,
                new RegulatoryReport.Submission(DUE.plusSeconds(3600), "dpo@client-b", "CNIL-2026-0042", true,
                        List.of("number of records concerned")),
                "the processor told us on day 3", DUE);
        ReportChange withdrawn = new ReportChange(UUID.randomUUID(), AWARE, "regulatory-service", UUID.randomUUID(),
                Change.WITHDRAWN, new RegulatoryReport("client-b",
                        new RegulatoryReport.Requirement("GDPR_DATA_SUBJECTS", "GDPR",
                                "GDPR Art. 34 communication to the data subjects",
                                "GDPR Art. 34(1): without undue delay", null),
                        new RegulatoryReport.Deadline(AWARE, null), null, null,
                        "the data was encrypted (Art. 34(3)(a))", AWARE), "marie");

        assertThat(RegulatoryWording.timelineEntry(opened, opened.report().withState(ReportState.OPEN)))
                .isEqualTo("GDPR Art. 33 notification to the supervisory authority (client-b): due 9 Dec 14:00 UTC — "
                        + "GDPR Art. 33(1): 72 hours after awareness; to CNIL");
        assertThat(RegulatoryWording.timelineEntry(change(Change.SUBMITTED, DUE, DUE), submitted))
                .isEqualTo("GDPR Art. 33 notification to the supervisory authority (client-b): submitted 9 Dec 15:00 "
                        + "UTC by dpo@client-b to CNIL, reference CNIL-2026-0042, late: the processor told us on day "
                        + "3; to follow: number of records concerned");
        assertThat(RegulatoryWording.timelineEntry(withdrawn, withdrawn.report().withState(ReportState.WITHDRAWN)))
                .isEqualTo("GDPR Art. 34 communication to the data subjects (client-b): withdrawn by marie: the data "
                        + "was encrypted (Art. 34(3)(a))");
    }

    private static ReportChange change(Change change, Instant due, Instant at) {
        return new ReportChange(UUID.randomUUID(), at, "regulatory-service", UUID.randomUUID(), change, report(due),
                null);
    }

    private static RegulatoryReport report(Instant due) {
        return new RegulatoryReport("client-b", ART_33, new RegulatoryReport.Deadline(AWARE, due), null, null, null,
                AWARE);
    }
}
