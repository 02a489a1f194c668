package io.vigie.cases.incident;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentCaseTest {

    @Test
    void shouldAllowEveryCommandOnAnActiveCase() {
        for (CaseStatus status : List.of(CaseStatus.OPEN, CaseStatus.NOTIFIED, CaseStatus.IN_PROGRESS)) {
            for (Command command : Command.values()) {
                assertThatCode(() -> incident(true, status).requireAllows(command)).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void shouldAllowOnlyNotesOnAResolvedCase() {
        assertThatCode(() -> incident(true, CaseStatus.RESOLVED).requireAllows(Command.NOTE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> incident(true, CaseStatus.RESOLVED).requireAllows(Command.RESOLVE))
                .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("already resolved");
        assertThatThrownBy(() -> incident(true, CaseStatus.RESOLVED).requireAllows(Command.CLIENT_UPDATE))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void shouldRefuseEverythingButTheConversationWithClientsOnAClosedCase() {
        for (Command command : Command.values()) {
            if (command == Command.ANSWER_CLIENT || command == Command.LOG_CALL) {
                assertThatCode(() -> incident(true, CaseStatus.CLOSED).requireAllows(command))
                        .as("a client who replies after the closure still gets an answer").doesNotThrowAnyException();
                assertThatCode(() -> incident(true, CaseStatus.RESOLVED).requireAllows(command))
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> incident(true, CaseStatus.CLOSED).requireAllows(command))
                        .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("closed");
            }
        }
    }

    @Test
    void shouldRefuseCommandsBeforeTheClassification() {
        assertThatThrownBy(() -> incident(false, CaseStatus.NOTIFIED).requireAllows(Command.NOTE))
                .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("not classified");
        assertThatThrownBy(() -> incident(false, CaseStatus.NOTIFIED).requireAllows(Command.ANSWER_CLIENT))
                .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("not classified");
    }

    @Test
    void shouldOnlyMoveForward() {
        assertThat(CaseStatus.OPEN.afterClientNotice()).isEqualTo(CaseStatus.NOTIFIED);
        assertThat(CaseStatus.IN_PROGRESS.afterClientNotice())
                .isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(CaseStatus.NOTIFIED.afterWork()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(CaseStatus.RESOLVED.afterWork()).isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void shouldWaitForAClientOnlyWhileClientsShouldBeToldAndNoAlertNamedOne() {
        // an alert that notifies and names nobody; then one that names a client
        assertThat(Attribution.NOT_NEEDED.classified(true, false)).isEqualTo(Attribution.AWAITING);
        assertThat(Attribution.AWAITING.classified(true, true)).isEqualTo(Attribution.NOT_NEEDED);
        // nobody to tell; clients named from the start
        assertThat(Attribution.NOT_NEEDED.classified(false, false)).isEqualTo(Attribution.NOT_NEEDED);
        assertThat(Attribution.NOT_NEEDED.classified(true, true)).isEqualTo(Attribution.NOT_NEEDED);
        // what a person decided stays, whatever the later alerts say
        assertThat(Attribution.ATTRIBUTED.classified(true, false)).isEqualTo(Attribution.ATTRIBUTED);
        assertThat(Attribution.DISMISSED.classified(true, false)).isEqualTo(Attribution.DISMISSED);
        assertThat(Attribution.DISMISSED.classified(true, true)).isEqualTo(Attribution.DISMISSED);
    }

    private static IncidentCase incident(boolean classified, CaseStatus status) {
        Instant now = Instant.now();
        return new IncidentCase(UUID.randomUUID(), classified, status, null,
                new Headline("t", null, classified ? Severity.HIGH : null, 50, "MALWARE"),
                new Scope(false, null, List.of(), List.of(), List.of()), new Audience(true, Attribution.NOT_NEEDED),
                new CaseClocks(now, now, now, null, null, null, null, now), null, null);
    }
}
