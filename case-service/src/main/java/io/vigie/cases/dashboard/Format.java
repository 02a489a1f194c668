package io.vigie.cases.dashboard;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times and durations; the templates call it as {@code @fmt} (public for them). */
@Component("fmt")
public class Format {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    /** "1 h 05 min", "12 min", "45 s"; negative durations read as "… late". */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        boolean late = duration.isNegative();
        Duration d = duration.abs();
        String text;
        if (d.toDays() >= 2) {
            text = d.toDays() + " d " + d.toHoursPart() + " h";
        } else if (d.toHours() >= 1) {
            text = d.toHours() + " h " + String.format("%02d", d.toMinutesPart()) + " min";
        } else if (d.toMinutes() >= 1) {
            text = d.toMinutes() + " min";
        } else {
            text = d.toSeconds() + " s";
        }
        return late ? text + " late" : text;
    }

    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }
}
