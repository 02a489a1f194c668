package io.vigie.postmortem.report;

import io.vigie.postmortem.incident.ClientFeedback;
import io.vigie.postmortem.incident.CaseClock;
import io.vigie.postmortem.incident.Incident;
import io.vigie.postmortem.incident.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A post-mortem built without Spring, for the report and rule tests. */
public final class ReportFixtures {

    public static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private ReportFixtures() {
    }

    public static Incident incident() {
        return new Incident(UUID.fromString("6f1c2a8e-1111-4a5b-9c3d-000000000001"),
                "Account takeover on the payroll portal",
                "Someone logged into a payroll account from an unknown country.",
                Incident.Severity.CRITICAL, "ACCOUNT_COMPROMISE", "SPLUNK", "sid-4711",
                T, T.plus(Duration.ofMinutes(2)), T.plus(Duration.ofMinutes(5)), T.plus(Duration.ofMinutes(50)),
                T.plus(Duration.ofMinutes(80)), T.plus(Duration.ofHours(3)), "alice",
                "Sessions revoked and MFA enforced.", "Payslips were readable.", true, true,
                List.of("client-a", "client-b"), List.of("payroll"), List.of("payroll-web-01"), List.of("PERSONAL"),
                List.of("Account locked"), List.of("Password reset", "MFA enforced"), caseClocks());
    }

    /** The clocks case-service sends with the resolution (CRITICAL targets), counted from the first alert at T+2. */
    public static List<CaseClock> caseClocks() {
        Instant alert = T.plus(Duration.ofMinutes(2));
        return List.of(new CaseClock("detect", T, alert, 300, true),
                new CaseClock("classify", alert, T.plus(Duration.ofMinutes(5)), 300, true),
                new CaseClock("notify", alert, T.plus(Duration.ofMinutes(50)), 900, false),
                new CaseClock("acknowledge", alert, T.plus(Duration.ofMinutes(80)), 1800, false),
                new CaseClock("resolve", alert, T.plus(Duration.ofHours(3)), 14400, true));
    }

    public static Analysis analysis(String lesson) {
        return new Analysis(List.of("Password leaked", "Password reused", "No MFA on the portal"),
                "The portal was left out of the MFA roll-out.", Analysis.IshikawaCategory.PROCESS,
                Map.of(Analysis.IshikawaCategory.TECHNOLOGY, List.of("No MFA"),
                        Analysis.IshikawaCategory.SUPPLIERS, List.of("Portal vendor default settings")),
                Map.of(Analysis.ResponseStage.CONTAINMENT, new Analysis.StageEvaluation("Quick lock", "Slow reset")),
                List.of(lesson),
                List.of(new Analysis.ActionItem(UUID.randomUUID(), "Enforce MFA everywhere", "bob",
                        LocalDate.of(2026, 12, 15), Analysis.ActionKind.PREVENTIVE, null)),
                true, "Add an MFA check to the playbook");
    }

    public static Postmortem postmortem(Incident incident, Analysis analysis, Postmortem.Status status) {
        return postmortem(incident, analysis, status, List.of());
    }

    public static Postmortem postmortem(Incident incident, Analysis analysis, Postmortem.Status status,
                                        List<ClientFeedback> feedback) {
        return new Postmortem(UUID.randomUUID(), incident.id(), status, T, T, "analyst",
                status == Postmortem.Status.APPROVED ? "manager" : null,
                status == Postmortem.Status.APPROVED ? T.plus(Duration.ofDays(2)) : null, incident,
                List.of(new TimelineEntry(T.plus(Duration.ofMinutes(5)), "CLASSIFIED", "triage-service",
                                "Incident opened as CRITICAL"),
                        new TimelineEntry(T.plus(Duration.ofHours(3)), "RESOLVED", "alice", "Resolved")),
                ResponseMetrics.of(incident), analysis, ApprovalCheck.missing(analysis), feedback);
    }
}
