package io.vigie.cases.sla;

import io.vigie.cases.incident.Attribution;
import io.vigie.cases.incident.Audience;
import io.vigie.cases.incident.CaseClocks;
import io.vigie.cases.incident.CaseStatus;
import io.vigie.cases.incident.Headline;
import io.vigie.cases.incident.IncidentCase;
import io.vigie.cases.incident.QuestionTimes;
import io.vigie.cases.incident.Scope;
import io.vigie.cases.incident.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClocksTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void shouldBreachTheNoticeClockOfACriticalIncidentAfterFifteenMinutes() {
        IncidentCase c = incident(Severity.CRITICAL, OPENED.plusSeconds(60), null, null, null, false);

        assertThat(state(c, OPENED.plus(Duration.ofMinutes(10)), ClockKind.NOTIFY)).isEqualTo(ClockState.RUNNING);
        assertThat(state(c, OPENED.plus(Duration.ofMinutes(13)), ClockKind.NOTIFY)).isEqualTo(ClockState.AT_RISK);
        assertThat(state(c, OPENED.plus(Duration.ofMinutes(16)), ClockKind.NOTIFY)).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void shouldGiveAHighIncidentAnHourToNotify() {
        IncidentCase c = incident(Severity.HIGH, OPENED.plusSeconds(60), null, null, null, false);

        assertThat(state(c, OPENED.plus(Duration.ofMinutes(16)), ClockKind.NOTIFY)).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void shouldStopAClockWhenItsStepHappened() {
        IncidentCase onTime = incident(Severity.CRITICAL, OPENED.plusSeconds(60), OPENED.plus(Duration.ofMinutes(9)),
                null, null, false);
        IncidentCase late = incident(Severity.CRITICAL, OPENED.plusSeconds(60), OPENED.plus(Duration.ofMinutes(20)),
                null, null, false);
        Instant muchLater = OPENED.plus(Duration.ofDays(2));

        SlaClock met = clock(onTime, muchLater, ClockKind.NOTIFY);
        assertThat(met.state()).isEqualTo(ClockState.MET);
        assertThat(met.elapsed()).isEqualTo(Duration.ofMinutes(9));
        assertThat(state(late, muchLater, ClockKind.NOTIFY)).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void shouldFreezeUnfinishedClocksAtTheResolution() {
        IncidentCase resolvedUnacknowledged = incident(Severity.CRITICAL, OPENED.plusSeconds(60),
                OPENED.plus(Duration.ofMinutes(5)), null, OPENED.plus(Duration.ofMinutes(20)), false);

        SlaClock acknowledge = clock(resolvedUnacknowledged, OPENED.plus(Duration.ofDays(3)), ClockKind.ACKNOWLEDGE);

        assertThat(acknowledge.state()).isEqualTo(ClockState.STOPPED);
        assertThat(acknowledge.elapsed()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void shouldRunNoLegalClockForPersonalDataTheDeadlinesAreRegulatoryServices() {
        Instant classified = OPENED.plusSeconds(120);
        IncidentCase c = incident(Severity.HIGH, classified, null, null, null, true);

        assertThat(SlaClocks.compute(c, SlaProperties.defaults(), classified.plus(Duration.ofHours(73))))
                .extracting(SlaClock::kind)
                .containsExactly(ClockKind.CLASSIFY, ClockKind.NOTIFY, ClockKind.ACKNOWLEDGE, ClockKind.RESOLVE);
    }

    @Test
    void shouldHaveNoGdprClockWithoutPersonalData() {
        IncidentCase c = incident(Severity.HIGH, OPENED.plusSeconds(60), null, null, null, false);

        assertThat(SlaClocks.compute(c, SlaProperties.defaults(), OPENED)).extracting(SlaClock::kind)
                .containsExactly(ClockKind.CLASSIFY, ClockKind.NOTIFY, ClockKind.ACKNOWLEDGE, ClockKind.RESOLVE);
    }

    @Test
    void shouldGiveEachClientMessageAnAnswerClockFromItsReceiptThatTheResolutionDoesNotStop() {
        Instant asked = OPENED.plus(Duration.ofHours(1));
        IncidentCase resolved = incident(Severity.HIGH, OPENED.plusSeconds(60), OPENED.plus(Duration.ofMinutes(9)),
                null, asked.plus(Duration.ofMinutes(5)), false);
        UUID onTime = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        List<QuestionTimes> questions = List.of(new QuestionTimes(onTime, asked, asked.plus(Duration.ofMinutes(40))),
                new QuestionTimes(late, asked, asked.plus(Duration.ofMinutes(70))),
                new QuestionTimes(waiting, asked, null));

        List<SlaClock> answers = SlaClocks.compute(resolved, questions, SlaProperties.defaults(),
                asked.plus(Duration.ofMinutes(55))).stream().filter(k -> k.kind() == ClockKind.ANSWER).toList();

        assertThat(answers).extracting(SlaClock::messageId).containsExactly(onTime, late, waiting);
        assertThat(answers).extracting(SlaClock::deadline).containsOnly(asked.plus(Duration.ofHours(1)));
        assertThat(answers).extracting(SlaClock::state)
                .containsExactly(ClockState.MET, ClockState.BREACHED, ClockState.AT_RISK);
        assertThat(answers).extracting(SlaClock::unansweredQuestion).containsExactly(false, false, true);
        assertThat(SlaClocks.compute(resolved, questions, SlaProperties.defaults(), asked.plus(Duration.ofHours(2)))
                .stream().filter(k -> waiting.equals(k.messageId())).findFirst().orElseThrow().state())
                .as("still unanswered past its deadline, the incident resolved or not").isEqualTo(ClockState.BREACHED);
        assertThat(SlaProperties.defaults().critical().toAnswer()).isEqualTo(Duration.ofMinutes(30));
        assertThat(SlaProperties.defaults().low().toAnswer()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shouldKeepDefaultsForTargetsNotConfigured() {
        SlaProperties properties = new SlaProperties(
                new SlaProperties.Targets(null, Duration.ofMinutes(10), null, null, null, null), null, null, null);

        assertThat(properties.critical().toNotify()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.critical().toResolve()).isEqualTo(Duration.ofHours(4));
        assertThat(properties.low().toNotify()).isEqualTo(Duration.ofHours(24));
    }

    private static ClockState state(IncidentCase c, Instant now, ClockKind kind) {
        return clock(c, now, kind).state();
    }

    private static SlaClock clock(IncidentCase c, Instant now, ClockKind kind) {
        List<SlaClock> clocks = SlaClocks.compute(c, SlaProperties.defaults(), now);
        return clocks.stream().filter(clock -> clock.kind() == kind).findFirst().orElseThrow();
    }

    private static IncidentCase incident(Severity severity, Instant classifiedAt, Instant notifiedAt,
                                         Instant acknowledgedAt, Instant resolvedAt, boolean personalData) {
        return new IncidentCase(UUID.randomUUID(), true, resolvedAt == null ? CaseStatus.OPEN : CaseStatus.RESOLVED,
                null, new Headline("t", "s", severity, 50, "MALWARE"),
                new Scope(personalData, null, List.of(), List.of(), List.of()),
                new Audience(true, Attribution.NOT_NEEDED),
                new CaseClocks(OPENED, OPENED, classifiedAt, notifiedAt, acknowledgedAt, resolvedAt, null, OPENED),
                null, null);
    }
}
