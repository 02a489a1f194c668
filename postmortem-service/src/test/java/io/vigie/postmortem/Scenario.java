package io.vigie.postmortem;

import io.vigie.events.AffectedClient;
import io.vigie.events.AlertClassified;
import io.vigie.events.Channel;
import io.vigie.events.ClassificationChange;
import io.vigie.events.ClientNotified;
import io.vigie.events.DataCategory;
import io.vigie.events.DeliveryOutcome;
import io.vigie.events.IncidentCategory;
import io.vigie.events.IncidentResolved;
import io.vigie.events.IncidentStatus;
import io.vigie.events.IncidentUpdated;
import io.vigie.events.NoticeStage;
import io.vigie.events.Severity;
import io.vigie.events.SlaClockKind;
import io.vigie.events.SlaClockResult;
import io.vigie.events.SourceKind;
import io.vigie.events.UpdateKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One CRITICAL account-compromise incident as the other services report it, with known times: detected at T,
 * received T+2 min, classified T+5 min, the first notice reaching a client at T+50 min (one failed at T+18 min),
 * acknowledged T+80 min, resolved T+3 h. case-service's clocks, sent with the resolution, count from the first alert
 * with its CRITICAL targets: notify (48 min, target 15 min) and acknowledge (78 min, target 30 min) are missed.
 */
record Scenario(UUID incidentId, Instant detectedAt, AlertClassified classified, ClientNotified failedNotice,
                ClientNotified firstNotice, ClientNotified acknowledged, IncidentUpdated actionTaken,
                IncidentResolved resolved) {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    static Scenario accountCompromise() {
        return at(T);
    }

    static Scenario at(Instant t) {
        UUID incident = UUID.randomUUID();
        AlertClassified classified = AlertClassified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(t.plus(Duration.ofMinutes(5))).setProducer("triage-service")
                .setIncidentId(incident).setAlertId(UUID.randomUUID()).setChange(ClassificationChange.OPENED)
                .setTitle("Account takeover on the payroll portal")
                .setSummary("Someone logged into j.doe's payroll account from an unknown country after 40 failed attempts.")
                .setSeverity(Severity.CRITICAL).setPriority(100).setCategory(IncidentCategory.ACCOUNT_COMPROMISE)
                .setSource(SourceKind.SPLUNK).setSourceReference("sid-4711")
                .setDetectedAt(t).setAlertReceivedAt(t.plus(Duration.ofMinutes(2)))
                .setAffectedClients(List.of(
                        AffectedClient.newBuilder().setClientId("client-a").setServices(List.of("payroll"))
                                .setDataCategories(List.of(DataCategory.PERSONAL)).build(),
                        AffectedClient.newBuilder().setClientId("client-b").setServices(List.of("hr-portal")).build()))
                .setAffectedAssets(List.of("payroll-web-01"))
                .setAffectedServices(List.of("payroll"))
                .setDataCategories(List.of(DataCategory.CREDENTIALS))
                .setAccounts(List.of("j.doe"))
                .setNotifyClients(true).setPersonalDataInvolved(true)
                .setImpact("Payslips of one employee were readable by the attacker.")
                .setMeasuresTaken(List.of("Account j.doe locked"))
                .setPolicyVersion("policy-7")
                .build();
        ClientNotified failed = notice(incident, t.plus(Duration.ofMinutes(18)), "client-b", NoticeStage.INITIAL,
                DeliveryOutcome.FAILED);
        ClientNotified first = notice(incident, t.plus(Duration.ofMinutes(50)), "client-a", NoticeStage.INITIAL,
                DeliveryOutcome.SENT);
        ClientNotified ack = notice(incident, t.plus(Duration.ofMinutes(80)), "client-a", NoticeStage.INITIAL,
                DeliveryOutcome.ACKNOWLEDGED);
        IncidentUpdated action = IncidentUpdated.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(t.plus(Duration.ofMinutes(90))).setProducer("case-service")
                .setIncidentId(incident).setKind(UpdateKind.ACTION_TAKEN).setActor("alice")
                .setStatus(IncidentStatus.IN_PROGRESS).setSeverity(Severity.CRITICAL)
                .setMessage("Sessions revoked and password reset forced")
                .setMeasuresTaken(List.of("Sessions revoked"))
                .build();
        IncidentResolved resolved = resolved(incident, t.plus(Duration.ofHours(3)));
        return new Scenario(incident, t, classified, failed, first, ack, action, resolved);
    }

    static IncidentResolved resolved(UUID incident, Instant at) {
        return IncidentResolved.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(at).setProducer("case-service")
                .setIncidentId(incident).setResolvedAt(at).setResolvedBy("alice")
                .setSeverity(Severity.CRITICAL).setCategory(IncidentCategory.ACCOUNT_COMPROMISE)
                .setSummary("The attacker's sessions were revoked and MFA is now enforced on the payroll portal.")
                .setCorrectiveActions(List.of("Password reset for j.doe", "MFA enforced on payroll portal"))
                .setDataCompromised(true)
                .setAffectedClientIds(List.of("client-a", "client-b"))
                .setSlaClocks(clocks(at.minus(Duration.ofHours(3)), at))
                .build();
    }

    /** case-service's clocks of the scenario, as it sends them with the resolution (CRITICAL targets). */
    private static List<SlaClockResult> clocks(Instant t, Instant resolvedAt) {
        Instant alert = t.plus(Duration.ofMinutes(2));
        return List.of(clock(SlaClockKind.DETECT, t, alert, 300, true),
                clock(SlaClockKind.CLASSIFY, alert, t.plus(Duration.ofMinutes(5)), 300, true),
                clock(SlaClockKind.NOTIFY, alert, t.plus(Duration.ofMinutes(50)), 900, false),
                clock(SlaClockKind.ACKNOWLEDGE, alert, t.plus(Duration.ofMinutes(80)), 1800, false),
                clock(SlaClockKind.RESOLVE, alert, resolvedAt, 14400, true));
    }

    private static SlaClockResult clock(SlaClockKind kind, Instant start, Instant end, long target, boolean met) {
        return SlaClockResult.newBuilder().setClock(kind).setStartedAt(start).setEndedAt(end).setTargetSeconds(target)
                .setMet(met).build();
    }

    private static ClientNotified notice(UUID incident, Instant at, String client, NoticeStage stage,
                                         DeliveryOutcome outcome) {
        return ClientNotified.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(at).setProducer("notification-service")
                .setIncidentId(incident).setNoticeId(UUID.randomUUID()).setClientId(client).setStage(stage)
                .setSequence(1).setChannel(Channel.EMAIL).setOutcome(outcome).setRecipient("s***@" + client + ".example")
                .setError(outcome == DeliveryOutcome.FAILED ? "mailbox unavailable" : null)
                .setRespondedBy(outcome == DeliveryOutcome.ACKNOWLEDGED ? "security@" + client + ".example" : null)
                .build();
    }
}
