package io.vigie.cases.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.cases.incident.CaseChanged;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open dashboards, each an SSE stream: when a transaction that changed a case commits, every page is told
 * which case changed and redraws what it shows from the server. Only ids travel on the stream, so a page shows
 * nothing its user could not load.
 */
@Component
class LiveBoard implements SmartLifecycle {

    /** The browser reconnects by itself when a stream ends; a bound keeps dead connections from piling up. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    LiveBoard(MeterRegistry meters) {
        Gauge.builder("vigie.case.dashboard.streams", emitters, List::size)
                .description("Open live dashboard streams").register(meters);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data("connected"));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseChanged change) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("case").data(change.incidentId().toString()));
            } catch (IOException | IllegalStateException e) {
                // The browser went away: forget it; it reconnects if it is still there.
                emitters.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends the streams first, so a graceful shutdown does not wait for browsers that never hang up. */
    @Override
    public void stop() {
        running = false;
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
