package io.vigie.notification.notice;

import io.vigie.notification.directory.Client;
import io.vigie.notification.incident.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * What every notice says the same way: the dedicated support contact, the time zone of its dates and the schedule of
 * UPDATE notices while an incident is unresolved. (The FOLLOW_UP notice's survey link is each contact's own: see
 * {@code survey.SurveyLinks}.)
 *
 * @param supportContact  the dedicated contact printed in every notice
 * @param zone            time zone of the dates in notices
 * @param updateEvery     interval between scheduled UPDATE notices per severity (CRITICAL 2 h, HIGH 4 h, MEDIUM
 *                        24 h, LOW 72 h when not set); once set, a severity not listed gets none. A client's contract
 *                        may set its own.
 * @param scheduleCheck   how often the schedule is checked
 */
@ConfigurationProperties("vigie.notification.notices")
public record NoticeProperties(
        @DefaultValue("Vigie SOC, soc@vigie.local") String supportContact,
        @DefaultValue("Europe/Paris") ZoneId zone,
        Map<Severity, Duration> updateEvery,
        @DefaultValue("1m") Duration scheduleCheck) {

    public NoticeProperties {
        updateEvery = updateEvery == null
                ? Map.of(Severity.CRITICAL, Duration.ofHours(2), Severity.HIGH, Duration.ofHours(4),
                Severity.MEDIUM, Duration.ofHours(24), Severity.LOW, Duration.ofHours(72))
                : Map.copyOf(updateEvery);
    }

    public Duration updateEvery(Severity severity) {
        return updateEvery.get(severity);
    }

    /** A client's cadence of scheduled updates at this severity: its contract's, else the service's. */
    public Duration updateEvery(Client client, Severity severity) {
        Duration own = client == null ? null : client.contract().updateEvery().get(severity);
        return own != null ? own : updateEvery(severity);
    }
}
