package io.vigie.load.pipeline;

import java.util.Map;

import io.vigie.cases.CaseApplication;
import io.vigie.intake.AlertIntakeApplication;
import io.vigie.localstack.VigieService;
import io.vigie.notification.NotificationApplication;
import io.vigie.postmortem.PostmortemApplication;
import io.vigie.regulatory.RegulatoryApplication;
import io.vigie.triage.TriageApplication;

/** The main class of each service, for the drivers and tests that run one in a JVM of its own. */
public final class ServiceMains {

    private static final Map<VigieService, Class<?>> MAIN_CLASSES = Map.of(
            VigieService.ALERT_INTAKE, AlertIntakeApplication.class,
            VigieService.TRIAGE, TriageApplication.class,
            VigieService.NOTIFICATION, NotificationApplication.class,
            VigieService.CASE, CaseApplication.class,
            VigieService.POSTMORTEM, PostmortemApplication.class,
            VigieService.REGULATORY, RegulatoryApplication.class);

    private ServiceMains() {
    }

    /** The class whose {@code main} starts {@code service}. */
    public static String of(VigieService service) {
        return MAIN_CLASSES.get(service).getName();
    }
}
