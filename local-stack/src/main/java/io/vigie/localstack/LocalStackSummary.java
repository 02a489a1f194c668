package io.vigie.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table printed once the stack is up: what runs where. */
final class LocalStackSummary {

    private LocalStackSummary() {
    }

    static String render(LocalStack stack, Path logFile) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nVigie local stack is up (started in %.1f s)%n%n", stack.startupTime().toMillis() / 1000.0));
        out.append(String.format("  %-17s %s%n", "Kafka broker", stack.kafkaBootstrapServers()));
        out.append(String.format("  %-17s %s%n", "Schema registry", stack.schemaRegistryUrl()));
        out.append(String.format("  %-17s %s:%d (in memory, accepts every address)%n", "SMTP mailbox", stack.smtpHost(), stack.smtpPort()));
        out.append(String.format("  %-17s %s (the emails clients would have received)%n", "Mailbox page", stack.mailboxUrl()));
        out.append(String.format("  %-17s %s%n", "Data", stack.varDirectory()));
        if (logFile != null) {
            out.append(String.format("  %-17s %s%n", "Log", logFile));
        }
        out.append('\n');

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Service", "URL", "Health", "Metrics", "Database"});
        for (RunningService service : stack.services()) {
            rows.add(new String[] {service.service().applicationName(), service.baseUrl(), service.healthUrl(),
                    service.prometheusUrl(), describe(stack.varDirectory(), service.database())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int column = 0; column < row.length; column++) {
                line.append(' ').append(column == row.length - 1 ? row[column] : pad(row[column], widths[column]));
            }
            out.append(line).append('\n');
        }
        Path usersFile = stack.varDirectory().resolve(LocalUsers.FILE);
        // Shown once, when they are made: a console is often scrolled back, logged or shared afterwards.
        out.append(stack.usersMadeNow()
                ? "\n  Users (every service; made on this first start, shown this once, kept in " + usersFile + ")\n"
                : "\n  Users (every service; passwords in " + usersFile + ", readable by its owner only)\n");
        for (LocalUsers.User user : stack.users().users().values()) {
            out.append(String.format("    %-8s %-15s %s%n", user.name(), user.role(),
                    stack.usersMadeNow() ? user.password() : ""));
        }
        String intake = stack.service(VigieService.ALERT_INTAKE).baseUrl();
        LocalWebhookSources sources = stack.webhookSources();
        out.append("\n  Webhooks (secrets kept in ").append(stack.varDirectory().resolve(LocalWebhookSources.FILE))
                .append(")\n");
        out.append(String.format("    %-14s %s%n", "Splunk", sources.splunkUrl(intake)));
        out.append(String.format("    %-14s %s  Authorization: Bearer %s%n", "Wazuh", sources.wazuhUrl(intake),
                sources.wazuhToken()));
        out.append(String.format("    %-14s %s  Authorization: Bearer %s%n", "Alertmanager",
                sources.alertmanagerUrl(intake), sources.alertmanagerToken()));
        out.append(String.format("    %-14s %s  Authorization: Bearer %s%n", "Elastic/Kibana", sources.elasticUrl(intake),
                sources.elasticToken()));
        out.append(String.format("    %-14s %s  X-Vigie-Source: %s, HMAC-SHA256 secret %s%n", "Generic API",
                sources.genericUrl(intake), LocalWebhookSources.GENERIC, sources.genericHmacSecret()));
        out.append("\nPress Ctrl-C to stop.");
        return out.toString();
    }

    private static String describe(Path varDirectory, DatabaseSettings database) {
        if (!database.isEmbedded()) {
            return database.url();
        }
        String url = database.url();
        String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
        return "H2 " + varDirectory.relativize(Path.of(file));
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
