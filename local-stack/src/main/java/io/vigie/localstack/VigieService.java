package io.vigie.localstack;

import java.util.Locale;
import java.util.function.Supplier;

import io.vigie.cases.CaseApplication;
import io.vigie.intake.AlertIntakeApplication;
import io.vigie.notification.NotificationApplication;
import io.vigie.postmortem.PostmortemApplication;
import io.vigie.regulatory.RegulatoryApplication;
import io.vigie.triage.TriageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The six services the local stack runs, in pipeline order (the order they start in and the reverse of shutdown). */
public enum VigieService {

    ALERT_INTAKE("alert-intake-service", "intake", 8080, AlertIntakeApplication::application),
    TRIAGE("triage-service", "triage", 8082, TriageApplication::application),
    NOTIFICATION("notification-service", "notification", 8083, NotificationApplication::application),
    CASE("case-service", "case", 8084, CaseApplication::application),
    POSTMORTEM("postmortem-service", "postmortem", 8085, PostmortemApplication::application),
    REGULATORY("regulatory-service", "regulatory", 8086, RegulatoryApplication::application);

    private final String applicationName;
    private final String shortName;
    private final int defaultPort;
    private final Supplier<SpringApplicationBuilder> application;

    VigieService(String applicationName, String shortName, int defaultPort, Supplier<SpringApplicationBuilder> application) {
        this.applicationName = applicationName;
        this.shortName = shortName;
        this.defaultPort = defaultPort;
        this.application = application;
    }

    /** The service's {@code spring.application.name}, as in its metrics' {@code service} tag. */
    public String applicationName() {
        return applicationName;
    }

    /** {@code intake}, {@code triage}, …: names its database folder, its {@code --<name>-port} option and its environment variables. */
    public String shortName() {
        return shortName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Prefix of the environment variables that point this service at an external database: {@code VIGIE_TRIAGE_DB_}. */
    public String environmentPrefix() {
        return "VIGIE_" + shortName.toUpperCase(Locale.ROOT) + "_DB_";
    }

    SpringApplicationBuilder application() {
        return application.get();
    }
}
