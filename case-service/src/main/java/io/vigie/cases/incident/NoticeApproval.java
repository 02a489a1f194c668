package io.vigie.cases.incident;

import java.util.UUID;

/**
 * A held notice approved for sending, with the texts the communications user adds to it: notification-service gives
 * each contact the text of their language, and contacts of a language without one get the notice as it was.
 */
record NoticeApproval(UUID noticeId, ClientMessages messages) {
}
