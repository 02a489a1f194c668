package io.vigie.postmortem;

import io.vigie.postmortem.report.Analysis;
import io.vigie.postmortem.report.Analysis.ActionItem;
import io.vigie.postmortem.report.Analysis.ActionKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class LearningIT extends PostmortemITSupport {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private String postmortemWith(List<ActionItem> items) throws Exception {
        Scenario s = Scenario.at(Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));
        String id = drafted(s).get("id").asString();
        Analysis complete = ApprovalIT.complete();
        Analysis analysis = new Analysis(complete.fiveWhys(), complete.rootCause(), complete.rootCauseCategory(),
                complete.ishikawa(), complete.stageEvaluations(), complete.lessonsLearned(), items, false, null);
        assertThat(call("PUT", "/api/postmortems/" + id + "/analysis", ANALYST, write(analysis)).statusCode())
                .isEqualTo(200);
        return id;
    }

    @Test
    void shouldListOpenActionItemsAcrossPostmortemsAndFlagTheOverdueOnes() throws Exception {
        String first = postmortemWith(List.of(
                new ActionItem(null, "Patch the VPN", "bob", today.minusDays(5), ActionKind.PREVENTIVE, null),
                new ActionItem(null, "Already done", "bob", today.minusDays(9), ActionKind.OTHER, null)));
        String second = postmortemWith(List.of(
                new ActionItem(null, "Train the help desk", "carol", today.plusDays(20), ActionKind.TRAINING, null)));
        assertThat(call("POST", "/api/postmortems/" + second + "/approval", MANAGER, null).statusCode()).isEqualTo(200);
        String done = json.readTree(call("GET", "/api/postmortems/" + first, VIEWER, null).body())
                .get("analysis").get("actionItems").get(1).get("id").asString();
        assertThat(call("POST", "/api/action-items/" + done + "/completion", VIEWER, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/action-items/" + done + "/completion", ANALYST, null).statusCode()).isEqualTo(204);

        JsonNode open = json.readTree(call("GET", "/api/learning/action-items", VIEWER, null).body());

        List<JsonNode> ours = StreamSupport.stream(open.spliterator(), false)
                .filter(item -> List.of(first, second).contains(item.get("postmortemId").asString())).toList();
        assertThat(ours).extracting(i -> i.get("description").asString(), i -> i.get("overdue").asBoolean(),
                i -> i.get("daysOverdue").asLong()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Patch the VPN", true, 5L),
                org.assertj.core.groups.Tuple.tuple("Train the help desk", false, 0L));
        assertThat(ours.get(1).get("postmortemStatus").asString()).isEqualTo("APPROVED");
        assertThat(StreamSupport.stream(open.spliterator(), false).takeWhile(i -> i.get("overdue").asBoolean()))
                .as("overdue items come first").isNotEmpty();

        HttpResponse<String> metrics = call("GET", "/actuator/prometheus", null, null);
        assertThat(gauge(metrics.body(), "vigie_postmortem_action_items_overdue")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics.body(), "vigie_postmortems\\{[^}]*status=\"draft\"")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics.body(), "vigie_postmortems\\{[^}]*status=\"approved\"")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics.body(), "vigie_postmortem_resolution_to_closure_seconds_count"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldShowRecurringRootCausesAndIncidentCategoriesPerMonth() throws Exception {
        postmortemWith(List.of());
        postmortemWith(List.of());
        String month = java.time.YearMonth.now(ZoneOffset.UTC).minusMonths(0).toString();

        JsonNode trends = json.readTree(call("GET", "/api/learning/trends?months=2", VIEWER, null).body());

        assertThat(trends.get("toMonth").asString()).isEqualTo(month);
        assertThat(StreamSupport.stream(trends.get("recurringRootCauseCategories").spliterator(), false)
                .filter(r -> r.get("category").asString().equals("PROCESS"))
                .map(r -> r.get("count").asLong()).findFirst()).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(StreamSupport.stream(trends.get("incidentCategories").spliterator(), false)
                .filter(c -> c.get("category").asString().equals("ACCOUNT_COMPROMISE"))
                .map(c -> c.get("count").asLong()).reduce(0L, Long::sum)).isGreaterThanOrEqualTo(2);
        assertThat(call("GET", "/api/learning/trends?months=0", VIEWER, null).statusCode()).isEqualTo(400);
    }

    private static double gauge(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "[^\\n]*? ([0-9.eE+-]+)$").matcher(prometheus);
        assertThat(m.find()).as(name + " in " + prometheus.lines().filter(l -> l.contains("postmortem")).toList())
                .isTrue();
        return Double.parseDouble(m.group(1));
    }
}
