package io.vigie.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The alert sources alert-intake-service accepts in the local stack, one per kind of webhook: a Splunk source (token
 * in the URL), Wazuh and Alertmanager sources (bearer tokens) and a generic-API source (HMAC secret). Their secrets are
 * random, made on the first start and kept in {@value #FILE} (owner only), so a SIEM pointed at the stack keeps
 * working after a restart and no two machines share them.
 */
public record LocalWebhookSources(String splunkToken, String wazuhToken, String alertmanagerToken,
                                  String genericHmacSecret) {

    public static final String SPLUNK = "splunk-demo";
    public static final String WAZUH = "wazuh-demo";
    public static final String ALERTMANAGER = "alertmanager-demo";
    public static final String GENERIC = "generic-demo";
    static final String FILE = "local-webhook-sources.properties";

    static LocalWebhookSources loadOrCreate(Path varDirectory) {
        Path file = varDirectory.resolve(FILE);
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean changed = false;
            for (String source : List.of(SPLUNK, WAZUH, ALERTMANAGER, GENERIC)) {
                String secret = stored.getProperty(source);
                if (secret == null || secret.isBlank()) {
                    stored.setProperty(source, randomSecret(random));
                    changed = true;
                }
            }
            if (changed) {
                write(file, stored);
            }
            return new LocalWebhookSources(stored.getProperty(SPLUNK), stored.getProperty(WAZUH),
                    stored.getProperty(ALERTMANAGER), stored.getProperty(GENERIC));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
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
                "--vigie.intake.sources." + GENERIC + ".type=GENERIC",
                "--vigie.intake.sources." + GENERIC + ".hmac-secrets[0]=" + genericHmacSecret);
    }

    // 32 random bytes in hex: safe in a URL path, a header and a properties file alike.
    private static String randomSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void write(Path file, Properties secrets) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            secrets.store(writer, "Vigie local stack webhook sources (tokens, HMAC secret); delete this file to get new ones");
        }
    }
}
