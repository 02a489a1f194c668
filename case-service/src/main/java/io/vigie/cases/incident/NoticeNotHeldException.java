package io.vigie.cases.incident;

import java.util.UUID;

/** An approval of a notice the incident does not hold for review: the API answers 404 naming the notice. */
public class NoticeNotHeldException extends RuntimeException {

    private final UUID incidentId;
    private final UUID noticeId;

    NoticeNotHeldException(UUID incidentId, UUID noticeId) {
        super("Notice " + noticeId + " is not held for review on incident " + incidentId);
        this.incidentId = incidentId;
        this.noticeId = noticeId;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public UUID noticeId() {
        return noticeId;
    }
}
