package io.vigie.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.Topics;
import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.delivery.internal.DeliveryStore;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.ClientDirectory;
import io.vigie.notification.directory.RecipientMask;
import io.vigie.notification.notice.ClientNotifiedMapper;
import io.vigie.notification.notice.DeliveryOutcome;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.Notices;
import io.vigie.notification.notice.NoticesPlanned;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.template.RenderedNotice;
import io.vigie.platform.loop.WorkLoop;
import io.vigie.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends the notices, after the transaction that created them committed and never inside one: it takes a due delivery
 * (one UPDATE, so one instance gets it), sends it with no transaction open, then records the outcome and its
 * ClientNotified in one transaction. A failure is retried with back-off, then the contact's next channel is tried.
 *
 * <p>The one window: a crash after the channel accepted the message and before the outcome committed sends it again
 * once the lease expires. Email keeps the same Message-ID, SMS and webhooks the same idempotency key, so a provider
 * that deduplicates shows it once.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int ERROR_LIMIT = 500;

    private final DeliveryStore store;
    private final Notices notices;
    private final ClientDirectory directory;
    private final NoticeRendering rendering;
    private final AckLinks links;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final DeliveryProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Timer firstNotice;
    // Sends what is due, then waits a poll interval or until new notices are planned; the database being down makes
    // it wait a poll interval per round rather than spin.
    private final WorkLoop loop;

    private volatile ExecutorService sending;

    DeliveryWorker(DeliveryStore store, Notices notices, ClientDirectory directory, NoticeRendering rendering,
                   AckLinks links, Outbox outbox, PlatformTransactionManager transactionManager,
                   DeliveryProperties properties, List<ChannelSender> senders,
                   MeterRegistry meters, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.directory = directory;
        this.rendering = rendering;
        this.links = links;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.firstNotice = Timer.builder("vigie.notification.time-to-first-notice")
                .description("From the incident's classification to its first notice sent to a client")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        this.loop = new WorkLoop(WorkLoop.Settings.interruptible("notice-delivery", properties.pollInterval(),
                properties.pollInterval(), Duration.ofSeconds(10)), () -> sendDue() > 0,
                (failure, retryIn) -> log.warn("Delivery round failed, retrying in {}: {}", retryIn,
                        failure.getMessage()));
    }

    @TransactionalEventListener
    void onNoticesPlanned(NoticesPlanned planned) {
        wakeUp();
    }

    void wakeUp() {
        loop.wakeUp();
    }

    /** Sends every delivery due now, one batch at a time; returns how many were attempted. For the worker and tests. */
    int sendDue() {
        int total = 0;
        int attempted;
        do {
            attempted = sendBatch();
            total += attempted;
        } while (attempted > 0 && loop.isRunning());
        return total;
    }

    private int sendBatch() {
        Instant now = clock.instant();
        store.releaseExpiredLeases(now);
        List<Future<?>> inFlight = new ArrayList<>();
        for (UUID id : store.due(now, properties.batchSize())) {
            Optional<DeliveryStore.DeliveryRow> taken = store.take(id, now.plus(properties.lease()));
            taken.ifPresent(row -> inFlight.add(sending.submit(() -> attempt(row))));
        }
        for (Future<?> future : inFlight) {
            try {
                future.get();
            } catch (ExecutionException e) {
                log.error("A delivery attempt failed unexpectedly; it is retried when its lease expires", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return inFlight.size();
    }

    private void attempt(DeliveryStore.DeliveryRow row) {
        Optional<Notice> found = notices.find(row.noticeId());
        if (found.isEmpty()) {
            return;
        }
        Notice notice = found.get();
        Optional<Client> client = directory.find(notice.clientId());
        String ackUrl = links.ackUrl(notice.id(), row.contactId());
        RenderedNotice rendered = null;
        DeliveryException failure = null;
        try {
            rendered = render(notice, row, client, ackUrl);
        } catch (RuntimeException e) {
            failure = DeliveryException.permanent("The template cannot be rendered: " + e.getMessage());
        }
        if (failure == null && (row.recipient() == null || row.recipient().isBlank())) {
            failure = DeliveryException.permanent(notice.outOfBand()
                    ? "Out of band, and the contact has no phone number for SMS or phone"
                    : "No channel of the client can reach this contact");
        }
        if (failure == null) {
            ChannelSender sender = senders.get(row.channel());
            try {
                sender.send(new Outgoing(row.id(), notice, row.contactId(), row.recipient(), rendered, ackUrl,
                        client.map(c -> c.webhook().secret()).orElse(null)));
            } catch (DeliveryException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = DeliveryException.transientFailure(e.getMessage(), e);
            }
        }
        record(row, notice, rendered, failure);
    }

    private RenderedNotice render(Notice notice, DeliveryStore.DeliveryRow row, Optional<Client> client,
                                  String ackUrl) {
        return rendering.render(notice, client, row.contactId(), row.contactName(), row.language(), ackUrl);
    }

    private void record(DeliveryStore.DeliveryRow row, Notice notice, RenderedNotice rendered,
                        DeliveryException failure) {
        Instant now = clock.instant();
        String templateId = rendered == null ? null : rendered.templateId();
        String subject = rendered == null ? null : rendered.subject();
        String error = failure == null ? null : truncate(failure.getMessage());
        boolean giveUp = failure != null && (failure.permanent() || row.attempts() >= properties.maxAttempts());
        String outcome = failure == null ? "sent" : giveUp ? "failed" : "retried";
        Boolean recorded = transactions.execute(status -> {
            boolean updated = failure == null ? store.sent(row, now, templateId, subject)
                    : giveUp ? store.failed(row, now, error, templateId, subject)
                    : store.retryLater(row, now.plus(properties.backOff(row.attempts())), error, templateId,
                    subject);
            if (updated) {
                DeliveryOutcome.Kind kind = failure == null ? DeliveryOutcome.Kind.SENT : DeliveryOutcome.Kind.FAILED;
                outbox.append(Topics.CLIENT_NOTIFIED, notice.incidentId().toString(), ClientNotifiedMapper.toEvent(
                        new DeliveryOutcome(notice,
                                new DeliveryOutcome.Recipient(row.contactId(), row.channel(), row.recipient()), kind,
                                new DeliveryOutcome.Message(templateId, row.language(), subject), row.attempts(),
                                error, null, now)));
            }
            return updated;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            return;
        }
        meters.counter("vigie.notification.deliveries", "stage", notice.stage().name(), "channel",
                row.channel().name(), "outcome", outcome).increment();
        if (failure != null) {
            log.warn("Delivery of notice {} to {} by {} {} (attempt {}): {}", notice.id(),
                    RecipientMask.mask(row.channel(), row.recipient()), row.channel(), outcome, row.attempts(), error);
        } else if (notice.stage() == Stage.INITIAL) {
            store.classifiedAtIfFirstSent(notice.id())
                    .ifPresent(classifiedAt -> firstNotice.record(Duration.between(classifiedAt, now)));
        }
    }

    private static String truncate(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.length() > ERROR_LIMIT ? message.substring(0, ERROR_LIMIT) : message;
    }

    @Override
    public void start() {
        sending = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "notice-sender");
            thread.setDaemon(true);
            return thread;
        });
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
        // Sends in flight finish (bounded by the channels' timeouts); their outcomes are recorded.
        sending.shutdown();
        try {
            sending.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
