package io.vigie.postmortem.incident;

import io.vigie.postmortem.incident.Incident.Classification;
import io.vigie.postmortem.incident.Incident.Notice;
import io.vigie.postmortem.incident.Incident.Resolution;
import io.vigie.postmortem.incident.Incident.Severity;
import io.vigie.postmortem.incident.Incident.Update;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final Incident unknown = Incident.unknown(UUID.randomUUID());

    @Test
    void shouldKeepTheEarliestNoticeWhateverOrderTheTopicsDeliverIn() {
        Incident incident = unknown
                .notified(new Notice(T.plus(Duration.ofMinutes(40)), "client-b", true, false))
                .notified(new Notice(T.plus(Duration.ofMinutes(20)), "client-a", true, false))
                .notified(new Notice(T.plus(Duration.ofMinutes(30)), "client-a", true, true))
                .classified(classification(T.plus(Duration.ofMinutes(5)), false, "Opened", Severity.HIGH));

        assertThat(incident.firstNoticeAt()).isEqualTo(T.plus(Duration.ofMinutes(20)));
        assertThat(incident.firstAcknowledgedAt()).isEqualTo(T.plus(Duration.ofMinutes(30)));
        assertThat(incident.classifiedAt()).isEqualTo(T.plus(Duration.ofMinutes(5)));
        assertThat(incident.affectedClients()).containsExactly("client-a", "client-b");
    }

    @Test
    void shouldNotCountAFailedDeliveryAsTheFirstNotice() {
        Incident incident = unknown.notified(new Notice(T, "client-a", false, false));

        assertThat(incident.firstNoticeAt()).isNull();
        assertThat(incident.affectedClients()).containsExactly("client-a");
    }

    @Test
    void shouldTakeTitleAndSeverityFromEscalationsButNotFromAttachedAlerts() {
        Incident incident = unknown
                .classified(classification(T, false, "Suspicious login", Severity.MEDIUM))
                .classified(classification(T.plus(Duration.ofMinutes(10)), false, "Account takeover", Severity.CRITICAL))
                .classified(classification(T.plus(Duration.ofMinutes(20)), true, "One more failed login", Severity.LOW));

        assertThat(incident.title()).isEqualTo("Account takeover");
        assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(incident.classifiedAt()).isEqualTo(T);
    }

    @Test
    void shouldFollowSeverityChangesUntilResolutionAndKeepTheResolvedOne() {
        Incident incident = unknown
                .classified(classification(T, false, "Malware", Severity.HIGH))
                .updated(new Update(Severity.CRITICAL, List.of("Host isolated")))
                .resolved(new Resolution(T.plus(Duration.ofHours(2)), "alice", Severity.CRITICAL, "MALWARE",
                        "Cleaned", List.of("Reimaged host"), false, List.of("client-c"), List.of()))
                .updated(new Update(Severity.LOW, List.of()));

        assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(incident.measuresTaken()).containsExactly("Account locked", "Host isolated");
        assertThat(incident.correctiveActions()).containsExactly("Reimaged host");
        assertThat(incident.affectedClients()).containsExactly("client-a", "client-c");
        assertThat(incident.description()).isEqualTo("What happened\n\nCleaned");
    }

    private static Classification classification(Instant at, boolean attached, String title, Severity severity) {
        return new Classification(at, attached,
                new Classification.Headline(title, "What happened", severity, "ACCOUNT_COMPROMISE"),
                new Classification.Detection("SPLUNK", "sid-1", at.minus(Duration.ofMinutes(3)),
                        at.minus(Duration.ofMinutes(1))),
                new Classification.Scope("Impact", false, List.of("client-a"), List.of("payroll"), List.of("host-1"),
                        List.of("CREDENTIALS")),
                List.of("Account locked"));
    }
}
