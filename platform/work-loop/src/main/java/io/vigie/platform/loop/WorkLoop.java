package io.vigie.platform.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One background thread that repeats a unit of work: the outbox relay, the notice delivery, the intake's group commit.
 * Each of them needs the same four things, written once here:
 * <ul>
 *   <li><b>wake-up</b>: {@link #wakeUp()} makes the next round start now instead of after the idle wait. One pending
 *       wake-up is kept until taken, so work committed while a round runs is never missed, and any number of
 *       wake-ups in between cost one round;</li>
 *   <li><b>idle wait</b>: a round that found nothing more to do waits {@code idleWait} (or a wake-up) before the next;
 *       a round that says there may be more runs again at once;</li>
 *   <li><b>back-off</b>: a round that throws is reported to the {@link FailureListener} with the wait that follows,
 *       which starts at {@code idleWait} (at {@code maxBackOff} when there is no idle wait) and doubles up to
 *       {@code maxBackOff} while rounds keep failing (a database or broker that is down is not hammered); a round that
 *       succeeds resets it;</li>
 *   <li><b>stop</b>: {@link #stop()} interrupts a waiting or working round and waits up to {@code stopTimeout} for
 *       the thread to end; or, with {@code finishWork}, lets rounds go on uninterrupted until one finds nothing left
 *       (for work that callers are waiting on, such as requests already taken).</li>
 * </ul>
 * The owner wires it into Spring's lifecycle (its {@code SmartLifecycle} calls {@link #start()} and {@link #stop()}),
 * so the phase at which it starts and stops stays with the component that knows what it depends on.
 */
public final class WorkLoop {

    /** One round of work. */
    @FunctionalInterface
    public interface Work {

        /**
         * Does what there is to do now.
         *
         * @return true when there may be more to do at once (the next round starts without waiting)
         * @throws InterruptedException when the thread is interrupted: the loop ends
         */
        boolean runOnce() throws InterruptedException;
    }

    /** Told of each failed round, with how long the loop waits before the next one. */
    @FunctionalInterface
    public interface FailureListener {

        void failed(RuntimeException failure, Duration retryIn);
    }

    private final Settings settings;
    private final Work work;
    private final FailureListener failures;
    // One pending wake-up is enough: it makes the next round read everything committed up to then.
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread thread;

    public WorkLoop(Settings settings, Work work, FailureListener failures) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.work = Objects.requireNonNull(work, "work");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * How a loop waits, backs off and stops.
     *
     * @param threadName  the thread's name, as thread dumps and logs show it
     * @param idleWait    the wait after a round that found nothing more to do; zero when the work waits itself (for
     *                    instance on a queue)
     * @param maxBackOff  the longest wait between failed rounds
     * @param stopTimeout how long {@link #stop()} waits for the thread to end
     * @param finishWork  on stop, keep running rounds, uninterrupted, until one finds nothing left
     * @param daemon      whether the thread may be abandoned when the JVM exits
     */
    public record Settings(String threadName, Duration idleWait, Duration maxBackOff, Duration stopTimeout,
                           boolean finishWork, boolean daemon) {

        public Settings {
            Objects.requireNonNull(threadName, "threadName");
            if (idleWait.isNegative() || maxBackOff.compareTo(idleWait) < 0 || stopTimeout.isNegative()) {
                throw new IllegalArgumentException("idleWait ≥ 0, maxBackOff ≥ idleWait and stopTimeout ≥ 0, got "
                        + idleWait + ", " + maxBackOff + ", " + stopTimeout);
            }
        }

        /** A daemon that is interrupted on stop: for work that is safe to resume from the database after a restart. */
        public static Settings interruptible(String threadName, Duration idleWait, Duration maxBackOff,
                                             Duration stopTimeout) {
            return new Settings(threadName, idleWait, maxBackOff, stopTimeout, false, true);
        }
    }

    /** Asks for a round now; never blocks the caller. */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread started = new Thread(this::loop, settings.threadName());
        started.setDaemon(settings.daemon());
        started.start();
        thread = started;
    }

    /** Ends the loop (see {@link Settings#finishWork()}) and waits for its thread, at most the stop timeout. */
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        thread = null;
        if (current == null) {
            return;
        }
        if (settings.finishWork()) {
            wakeUp();
        } else {
            current.interrupt();
        }
        try {
            current.join(settings.stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True between {@link #start()} and {@link #stop()}: rounds should keep going. */
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backOff = firstBackOff();
        try {
            while (running) {
                try {
                    boolean more = work.runOnce();
                    backOff = firstBackOff();
                    if (!more) {
                        await(settings.idleWait());
                    }
                } catch (RuntimeException e) {
                    failures.failed(e, backOff);
                    await(backOff);
                    backOff = min(backOff.multipliedBy(2), settings.maxBackOff());
                }
            }
            if (settings.finishWork()) {
                finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // A loop without an idle wait (its work waits on a queue) must still not spin on a failure that repeats.
    private Duration firstBackOff() {
        return settings.idleWait().isZero() ? settings.maxBackOff() : settings.idleWait();
    }

    private void finish() throws InterruptedException {
        boolean more = true;
        while (more) {
            try {
                more = work.runOnce();
            } catch (RuntimeException e) {
                failures.failed(e, Duration.ZERO);
                more = false;
            }
        }
    }

    private void await(Duration wait) throws InterruptedException {
        if (!wait.isZero()) {
            wakeUps.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
