package io.vigie.cases.dashboard;

import io.vigie.cases.incident.HeldNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Where a reviewer reads a held notice as its contacts will: notification-service owns the wording, so the dashboard
 * links to its preview page ({@code vigie.case.dashboard.notification-url}; unset, no link). The reviewer signs in there
 * with the same user.
 */
@Component
public class NoticePreview {

    /** A link to the preview in one language, for the case page. */
    public record Link(String label, String url) {
    }

    private final String notificationUrl;

    NoticePreview(@Value("${vigie.case.dashboard.notification-url:}") String notificationUrl) {
        this.notificationUrl = notificationUrl == null || notificationUrl.isBlank() ? null
                : notificationUrl.replaceAll("/+$", "");
    }

    public boolean enabled() {
        return notificationUrl != null;
    }

    public String url(UUID noticeId, String language) {
        return notificationUrl + "/api/notices/" + noticeId + "/preview?language=" + language;
    }

    /** One link per language its contacts read; none when notification-service's address is not configured. */
    public List<Link> links(HeldNotice notice) {
        if (!enabled()) {
            return List.of();
        }
        return notice.textLanguages().stream()
                .map(language -> new Link(language.label(), url(notice.notice().id(), language.code()))).toList();
    }
}
