package io.vigie.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The alert sources alert-intake-service accepts in the local stack, one per kind of webhook: a Splunk source (token
 * in the URL), Wazuh, Alertmanager and Elastic (Kibana webhook connector) sources (bearer tokens) and a generic-API
 * source (HMAC secret). Their secrets are random, made on the first start and kept in {@value #FILE} (owner only), so a SIEM pointed at the stack keeps
 * working after a restart and no two machines share them.
 */
public record LocalWebhookSources(String splunkToken, String wazuhToken, String alertmanagerToken,
                                  String elasticToken, String genericHmacSecret) {

    public static final String SPLUNK = "splunk-demo";
    public static final String WAZUH = "wazuh-demo";
    public static final String ALERTMANAGER = "alertmanager-demo";
    public static final String ELASTIC = "elastic-demo";
    public static final String GENERIC = "generic-demo";
    static final String FILE = "local-webhook-sources.properties";

    static LocalWebhookSources loadOrCreate(Path varDirectory) {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = LocalSecrets.loadOrCreate(varDirectory.resolve(FILE),
                List.of(SPLUNK, WAZUH, ALERTMANAGER, ELASTIC, GENERIC), () -> randomSecret(random),
                "Vigie local stack webhook sources (tokens, HMAC secret); delete this file to get new ones");
        return new LocalWebhookSources(secrets.get(SPLUNK), secrets.get(WAZUH), secrets.get(ALERTMANAGER),
                secrets.get(ELASTIC), secrets.get(GENERIC));
    }

    /** The Splunk webhook alert action's URL: Splunk can only authenticate through the URL itself. */
    public String splunkUrl(String intakeBaseUrl) {
        return intakeBaseUrl + "/webhooks/splunk/" + SPLUNK + "/" + splunkToken;
    }

    public String wazuhUrl(String intakeBaseUrl) {
        return intakeBaseUrl + "/webhooks/wazuh/" + WAZUH;
    }

    public String alertmanagerUrl(String intakeBaseUrl) {
        return intakeBaseUrl + "/webhooks/alertmanager/" + ALERTMANAGER;
    }

    /** The Kibana webhook connector's URL; its authentication is Bearer with {@link #elasticToken()}. */
    public String elasticUrl(String intakeBaseUrl) {
        return intakeBaseUrl + "/webhooks/elastic/" + ELASTIC;
    }

    public String genericUrl(String intakeBaseUrl) {
        return intakeBaseUrl + "/api/v1/alerts";
    }

    /** alert-intake-service's source configuration ({@code vigie.intake.sources.<name>.*}). */
    List<String> asArguments() {
        return List.of(
                "--vigie.intake.sources." + SPLUNK + ".type=SPLUNK",
                "--vigie.intake.sources." + SPLUNK + ".tokens[0]=" + splunkToken,
                "--vigie.intake.sources." + WAZUH + ".type=WAZUH",
                "--vigie.intake.sources." + WAZUH + ".tokens[0]=" + wazuhToken,
                "--vigie.intake.sources." + ALERTMANAGER + ".type=ALERTMANAGER",
                "--vigie.intake.sources." + ALERTMANAGER + ".tokens[0]=" + alertmanagerToken,
                "--vigie.intake.sources." + ELASTIC + ".type=ELASTIC",
                "--vigie.intake.sources." + ELASTIC + ".tokens[0]=" + elasticToken,
                "--vigie.intake.sources." + GENERIC + ".type=GENERIC",
                "--vigie.intake.sources." + GENERIC + ".hmac-secrets[0]=" + genericHmacSecret);
    }

    // 32 random bytes in hex: safe in a URL path, a header and a properties file alike.
    private static String randomSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
