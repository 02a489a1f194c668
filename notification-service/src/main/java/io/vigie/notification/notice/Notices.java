package io.vigie.notification.notice;

import io.vigie.notification.notice.internal.NoticeRows;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Reads notices for the features that deliver and acknowledge them. */
@Repository
public class Notices {

    private final NoticeRows rows;

    Notices(NoticeRows rows) {
        this.rows = rows;
    }

    public Optional<Notice> find(UUID id) {
        return rows.find(id);
    }
}
