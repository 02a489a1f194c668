package io.vigie.cases.regulatory;

import io.vigie.events.RegulatoryChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegulatoryReportMapperTest {

    @Test
    void shouldMapAChangeAndKeepWhatPeopleTypedStorable() {
        Instant aware = Instant.parse("2026-12-06T14:00:00Z");
        ReportChange change = RegulatoryReportMapper.toChange(RegulatoryReportsIT.art33(UUID.randomUUID(), "acme",
                        RegulatoryChange.SUBMITTED, aware).setSubmittedAt(aware.plusSeconds(3600))
                .setSubmittedBy("dpo@acme").setAuthorityReference("CNIL\u0000-42").setLate(false)
                .setElementsToFollow(List.of("records", " ")).setActor(" ").setReason("filed\u0007 by phone\nfirst")
                .build());

        assertThat(change.change()).isEqualTo(ReportChange.Change.SUBMITTED);
        assertThat(change.actor()).as("blank is none").isNull();
        RegulatoryReport report = change.report();
        assertThat(report.requirement().regime()).isEqualTo("GDPR");
        assertThat(report.requirement().report()).isEqualTo("GDPR_AUTHORITY_NOTIFICATION");
        assertThat(report.deadline().dueAt()).isEqualTo(aware.plusSeconds(72 * 3600));
        assertThat(report.state()).as("the case derives it").isNull();
        assertThat(report.submission().authorityReference()).isEqualTo("CNIL-42");
        assertThat(report.submission().elementsToFollow()).containsExactly("records");
        assertThat(report.reason()).isEqualTo("filed by phone\nfirst");
    }

    @Test
    void shouldNameAReportWithoutTitleOrRuleByItsStage() {
        ReportChange change = RegulatoryReportMapper.toChange(RegulatoryReportsIT.art33(UUID.randomUUID(), "acme",
                RegulatoryChange.OPENED, Instant.parse("2026-12-06T14:00:00Z")).setTitle("").setRule(" ").build());

        assertThat(change.report().requirement().title()).isEqualTo("GDPR_AUTHORITY_NOTIFICATION");
        assertThat(change.report().requirement().rule()).isEqualTo("(no rule given)");
        assertThat(change.report().submission()).isNull();
    }
}
