package io.vigie.localstack.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.vigie.localstack.LocalStack;

/** The runbook cases {@code --demo} replays, each through the real webhook of the tool that would report it. */
public enum DemoScenario {

    LOCKED_ACCOUNT("locked-account", "a client account locked after repeated failed logins (Splunk)",
            SeedData.CLIENT_A, "ACCOUNT_COMPROMISE", LockedAccountDemo::post),
    PERSONAL_DATA("personal-data", "unauthorised access to a client database holding personal data (Wazuh)",
            SeedData.CLIENT_B, "DATA_BREACH", PersonalDataAccessDemo::post),
    DDOS("ddos", "a DDoS making a client's online shop unavailable: a storm of " + String.format(Locale.ROOT, "%,d",
            DdosStormDemo.SOURCES) + " alerts in " + DdosStormDemo.NOTIFICATIONS + " notifications (Alertmanager)",
            SeedData.CLIENT_C, "DDOS_OUTAGE", DdosStormDemo::post),
    MALWARE("malware", "malware on a server, calling a known command-and-control server (generic API, HMAC-signed)",
            SeedData.CLIENT_B, "MALWARE", MalwareDemo::post),
    PHISHING("phishing", "a phishing email with a password-harvesting link delivered to a client's mailboxes (Elastic"
            + " Security, Kibana webhook connector)", SeedData.CLIENT_A, "PHISHING", PhishingDemo::post);

    private final String id;
    private final String description;
    private final String client;
    private final String category;
    private final BiFunction<LocalStack, DemoHttp, DemoHttp.Posted> replay;

    DemoScenario(String id, String description, String client, String category,
                 BiFunction<LocalStack, DemoHttp, DemoHttp.Posted> replay) {
        this.id = id;
        this.description = description;
        this.client = client;
        this.category = category;
        this.replay = replay;
    }

    /** The name {@code --demo=<name>[,<name>]} takes. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The seeded client the incident is about. */
    public String client() {
        return client;
    }

    /** The incident category triage's default policy gives it. */
    public String category() {
        return category;
    }

    DemoHttp.Posted replay(LocalStack stack, DemoHttp http) {
        return replay.apply(stack, http);
    }

    /** Every scenario's name, as the usage lists them. */
    public static String names() {
        return Arrays.stream(values()).map(DemoScenario::id).collect(Collectors.joining(","));
    }

    /**
     * The scenarios named in {@code names} (comma-separated, in pipeline order, each once); blank means all of them.
     * An unknown name is refused with the names that exist.
     */
    public static List<DemoScenario> parse(String names) {
        if (names == null || names.isBlank()) {
            return List.of(values());
        }
        List<DemoScenario> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            DemoScenario scenario = Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown demo scenario '" + name.strip()
                            + "'; the scenarios are " + names()));
            if (!chosen.contains(scenario)) {
                chosen.add(scenario);
            }
        }
        chosen.sort(null);
        return List.copyOf(chosen);
    }
}
