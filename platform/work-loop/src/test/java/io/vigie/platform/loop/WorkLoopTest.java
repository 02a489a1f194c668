package io.vigie.platform.loop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkLoopTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    private WorkLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void shouldRunAgainOnAWakeUpInsteadOfWaitingTheIdleTime() {
        AtomicInteger rounds = new AtomicInteger();
        loop = new WorkLoop(WorkLoop.Settings.interruptible("test-loop", AN_HOUR, AN_HOUR, Duration.ofSeconds(5)),
                () -> {
                    rounds.incrementAndGet();
                    return false;
                }, (failure, retryIn) -> { });
        loop.start();
        await().untilAsserted(() -> assertThat(rounds).hasValue(1));

        loop.wakeUp();

        // With an hour of idle wait, only the wake-up can start the second round.
        await().untilAsserted(() -> assertThat(rounds).hasValue(2));
    }

    @Test
    void shouldRunAgainAtOnceWhileTheWorkSaysThereIsMore() {
        AtomicInteger left = new AtomicInteger(5);
        loop = new WorkLoop(WorkLoop.Settings.interruptible("test-loop", AN_HOUR, AN_HOUR, Duration.ofSeconds(5)),
                () -> left.decrementAndGet() > 0, (failure, retryIn) -> { });
        loop.start();

        await().untilAsserted(() -> assertThat(left).hasValue(0));
    }

    @Test
    void shouldDoubleTheWaitWhileRoundsFailUpToTheLimitAndResetItOnSuccess() {
        AtomicInteger round = new AtomicInteger();
        ConcurrentLinkedQueue<Duration> waits = new ConcurrentLinkedQueue<>();
        // Rounds 1 to 4 fail, 5 succeeds, 6 fails again, then all succeed.
        loop = new WorkLoop(WorkLoop.Settings.interruptible("test-loop", Duration.ofMillis(1), Duration.ofMillis(4),
                Duration.ofSeconds(5)), () -> {
                    int n = round.incrementAndGet();
                    if (n <= 4 || n == 6) {
                        throw new IllegalStateException("database down (round " + n + ")");
                    }
                    return n < 7;
                }, (failure, retryIn) -> waits.add(retryIn));
        loop.start();

        await().untilAsserted(() -> assertThat(round.get()).isGreaterThanOrEqualTo(7));
        assertThat(waits).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4),
                Duration.ofMillis(4), Duration.ofMillis(1));
    }

    @Test
    void shouldInterruptARoundThatWaitsAndEndItsThreadOnStop() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        loop = new WorkLoop(WorkLoop.Settings.interruptible("test-loop-stop", AN_HOUR, AN_HOUR, Duration.ofSeconds(10)),
                () -> {
                    waiting.countDown();
                    try {
                        // A round blocked on something that never comes (a broker that does not answer).
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw e;
                    }
                    return false;
                }, (failure, retryIn) -> { });
        loop.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        loop.stop();

        assertThat(interrupted).hasValue(1);
        assertThat(loop.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("test-loop-stop"));
    }

    @Test
    void shouldFinishTheWorkAlreadyQueuedWhenToldToFinishOnStop() {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The work waits on its queue itself (no idle wait), as the intake's group commit does.
        loop = new WorkLoop(new WorkLoop.Settings("test-loop-finish", Duration.ZERO, Duration.ofMillis(50),
                Duration.ofSeconds(10), true, false), () -> {
                    Integer item = queue.poll(20, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        return false;
                    }
                    if (item == 1) {
                        firstTaken.countDown();
                        // Not interrupted by stop: it finishes, then the items queued behind it are done too.
                        release.await();
                    }
                    done.add(item);
                    return true;
                }, (failure, retryIn) -> { });
        loop.start();
        queue.addAll(List.of(1, 2, 3));
        await().until(() -> firstTaken.getCount() == 0);

        Thread stopping = new Thread(loop::stop);
        stopping.start();
        await().until(() -> !loop.isRunning());
        release.countDown();
        await().until(() -> !stopping.isAlive());

        assertThat(done).containsExactly(1, 2, 3);
    }

    @Test
    void shouldNotSpinWhenAWorkWithoutIdleWaitKeepsFailing() {
        ConcurrentLinkedQueue<Duration> waits = new ConcurrentLinkedQueue<>();
        loop = new WorkLoop(new WorkLoop.Settings("test-loop-failing", Duration.ZERO, Duration.ofMillis(5),
                Duration.ofSeconds(5), false, true), () -> {
                    throw new IllegalStateException("always");
                }, (failure, retryIn) -> waits.add(retryIn));
        loop.start();

        await().until(() -> waits.size() >= 3);
        assertThat(waits).allMatch(wait -> wait.equals(Duration.ofMillis(5)));
    }
}
