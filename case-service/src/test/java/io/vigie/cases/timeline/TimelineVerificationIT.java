package io.vigie.cases.timeline;

import io.vigie.cases.CaseServiceTestBase;
import io.vigie.events.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineVerificationIT extends CaseServiceTestBase {

    @Autowired
    Environment environment;

    @Test
    void shouldNameTheFirstEntryEditedInTheDatabase() throws Exception {
        UUID incidentId = incidentWithFourEntries();
        assertThat(get("viewer", verification(incidentId)).body())
                .contains("\"intact\":true").contains("\"entries\":4");

        jdbc.update("UPDATE timeline_entry SET content = 'Nothing happened' WHERE incident_id = ? AND sequence_no = 3",
                incidentId);

        HttpResponse<String> response = get("viewer", verification(incidentId));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"intact\":false").contains("\"firstBroken\":3")
                .contains("changed after it was written");
        Check check = commandLineCheck(incidentId);
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).contains("BROKEN at entry 3").contains(incidentId.toString());
    }

    @Test
    void shouldNameAnEntryRemovedFromTheMiddle() throws Exception {
        UUID incidentId = incidentWithFourEntries();

        jdbc.update("DELETE FROM timeline_entry WHERE incident_id = ? AND sequence_no = 2", incidentId);

        assertThat(get("viewer", verification(incidentId)).body())
                .contains("\"intact\":false").contains("\"firstBroken\":3").contains("entry 2 is missing");
    }

    @Test
    void shouldFindARewrittenHashByTheNextEntry() throws Exception {
        UUID incidentId = incidentWithFourEntries();

        // a forger who recomputes entry 2's hash still breaks the link entry 3 holds to it
        jdbc.update("UPDATE timeline_entry SET hash = ? WHERE incident_id = ? AND sequence_no = 2",
                "f".repeat(64), incidentId);

        assertThat(get("viewer", verification(incidentId)).body()).contains("\"firstBroken\":2");
    }

    @Test
    void shouldReportIntactChainsOnTheCommandLine() throws Exception {
        UUID incidentId = incidentWithFourEntries();

        Check check = commandLineCheck(incidentId);

        assertThat(check.exitCode()).isZero();
        assertThat(check.output()).contains("incident " + incidentId + ": intact, 4 entries");
    }

    private UUID incidentWithFourEntries() throws Exception {
        UUID incidentId = openIncident(Severity.HIGH, "Malware on laptop-42", "acme");
        for (String note : new String[] {"Isolated laptop-42", "Collected memory image", "EDR scan clean"}) {
            assertThat(post("analyst", "/api/cases/" + incidentId + "/notes", "{\"text\":\"" + note + "\"}")
                    .statusCode()).isEqualTo(200);
        }
        return incidentId;
    }

    private static String verification(UUID incidentId) {
        return "/api/cases/" + incidentId + "/timeline/verification";
    }

    private Check commandLineCheck(UUID incidentId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TimelineCheck.run(new String[] {environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"), incidentId.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Check(exit, out.toString(StandardCharsets.UTF_8));
    }

    private record Check(int exitCode, String output) {
    }
}
