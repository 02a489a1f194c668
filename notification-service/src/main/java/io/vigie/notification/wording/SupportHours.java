package io.vigie.notification.wording;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a client's support line answers, as its contract states it: {@code MON-FRI 08:00-20:00} or
 * {@code SAT 09:00-12:00}. Stored in that form, worded in each contact's language ({@link PhraseBook#supportHours}).
 */
public record SupportHours(DayOfWeek first, DayOfWeek last, LocalTime from, LocalTime to) {

    private static final Pattern FORM = Pattern.compile(
            "([A-Z]{3})(?:-([A-Z]{3}))? ([0-2][0-9]:[0-5][0-9])-([0-2][0-9]:[0-5][0-9])");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT",
            DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

    public static final String EXPECTED = "days and hours such as MON-FRI 08:00-20:00";

    public static Optional<SupportHours> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher form = FORM.matcher(text.strip());
        if (!form.matches() || !DAYS.containsKey(form.group(1))
                || (form.group(2) != null && !DAYS.containsKey(form.group(2)))) {
            return Optional.empty();
        }
        try {
            DayOfWeek first = DAYS.get(form.group(1));
            DayOfWeek last = form.group(2) == null ? first : DAYS.get(form.group(2));
            return Optional.of(new SupportHours(first, last, LocalTime.parse(form.group(3)),
                    LocalTime.parse(form.group(4))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
