package io.vigie.regulatory.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.platform.web.problem.InvalidField;
import io.vigie.regulatory.RefusedException;
import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.obligation.Stages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records that a report was filed with the authority: who, when, its reference and the exact text sent. */
@Service
public class Submissions {

    private final Stages stages;
    private final Reports reports;
    private final MeterRegistry meters;
    private final Clock clock;

    Submissions(Stages stages, Reports reports, MeterRegistry meters, Clock clock) {
        this.stages = stages;
        this.reports = reports;
        this.meters = meters;
        this.clock = clock;
    }

    public record Request(String authorityReference, List<String> elementsToFollow, String delayReason) {

        List<String> toFollow() {
            return elementsToFollow == null ? List.of() : elementsToFollow;
        }
    }

    /**
     * @throws RefusedException 409 when already submitted or withdrawn; 400 for elements to follow outside GDPR
     *                          Art. 33(4) or a late submission without the reasons for the delay (Art. 33(1));
     *                          422 naming each mandatory element still empty and not declared to follow
     */
    @Transactional
    public Stage submit(UUID incidentId, String clientId, ReportKind kind, Request request, String actor) {
        Stage stage = stages.get(incidentId, clientId, kind);
        if (stage.status() != Stage.Status.OPEN) {
            throw RefusedException.conflict(kind + " for client " + clientId + " is already " + stage.status());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Draft draft = reports.draft(stage);
        List<InvalidField> invalid = new ArrayList<>();
        List<String> elements = draft.elements().stream().map(Draft.Element::key).toList();
        if (!request.toFollow().isEmpty() && !kind.phasedReporting()) {
            invalid.add(new InvalidField("elementsToFollow",
                    "phased reporting applies to GDPR_AUTHORITY_NOTIFICATION only (GDPR Art. 33(4))"));
        } else {
            request.toFollow().stream().filter(key -> !elements.contains(key)).forEach(key -> invalid.add(
                    new InvalidField("elementsToFollow", key + " is not an element of " + kind,
                            elements)));
        }
        boolean late = stage.dueAt() != null && now.isAfter(stage.dueAt());
        if (late && (request.delayReason() == null || request.delayReason().isBlank())) {
            invalid.add(new InvalidField("delayReason", "is mandatory after the deadline ("
                    + stage.dueAt() + "): " + kind.rule()));
        }
        if (!invalid.isEmpty()) {
            throw new RefusedException(RefusedException.Kind.INVALID, "The submission cannot be recorded", invalid);
        }
        List<InvalidField> missing = draft.elements().stream()
                .filter(e -> e.mandatory() && (e.value() == null || e.value().isBlank()))
                .filter(e -> !request.toFollow().contains(e.key()))
                .map(e -> new InvalidField(e.key(), "mandatory and empty: " + e.heading())).toList();
        if (!missing.isEmpty()) {
            throw new RefusedException(RefusedException.Kind.INCOMPLETE, "Complete these elements, or for a GDPR "
                    + "notification list them in elementsToFollow: " + String.join(", ",
                    missing.stream().map(InvalidField::field).toList()), missing);
        }
        Stage.Submission submission = new Stage.Submission(now, actor, request.authorityReference(), request.toFollow(),
                request.delayReason(), late, null);
        String text = TextReport.render(draft, submission, reports.profile(clientId).authority(kind.regime()));
        Stage submitted = stages.submit(stage, submission.withText(text));
        meters.counter("vigie.regulatory.submissions", "regime", kind.regime().name(), "timeliness",
                late ? "late" : "on-time").increment();
        return submitted;
    }
}
