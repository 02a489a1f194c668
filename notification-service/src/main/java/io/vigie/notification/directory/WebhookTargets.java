package io.vigie.notification.directory;

import java.util.Optional;

/** Whether a client's ticketing webhook URL may be registered; kept by whatever sends the webhooks. */
public interface WebhookTargets {

    /** Why the URL is refused, or empty when it may be registered. */
    Optional<String> refusal(String url);
}
