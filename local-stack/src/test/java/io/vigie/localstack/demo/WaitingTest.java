package io.vigie.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WaitingTest {

    @Test
    void shouldAskAgainAfterAFailedCallUntilTheAnswerComes() {
        AtomicInteger calls = new AtomicInteger();

        String answer = Waiting.until("the case", Duration.ofSeconds(30), () -> switch (calls.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("503 while the storm drains");
            case 2 -> Optional.empty();
            default -> Optional.of("case 42");
        });

        assertThat(answer).isEqualTo("case 42");
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldSayWhatDidNotHappenAndTheLastFailureWhenTheTimeRunsOut() {
        assertThatThrownBy(() -> Waiting.until("the post-mortem draft", Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("GET /api/incidents/1/postmortem answered 500");
        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the post-mortem draft did not happen within 1 s")
                .hasMessageContaining("answered 500");
    }
}
