package io.vigie.notification.notice;

import io.micrometer.core.annotation.Timed;
import io.vigie.notification.notice.internal.NoticeHistory;
import io.vigie.notification.notice.internal.NoticeHistory.NoticeView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * What was sent about an incident, to whom, how, and whether it was acknowledged: where a failing channel or a
 * silent client shows. Read by every role; recipients are masked.
 */
@RestController
@Timed("vigie.notification.api.notices")
class NoticeController {

    private final NoticeHistory history;

    NoticeController(NoticeHistory history) {
        this.history = history;
    }

    @GetMapping("/api/incidents/{incidentId}/notices")
    List<NoticeView> notices(@PathVariable UUID incidentId) {
        return history.of(incidentId);
    }
}
