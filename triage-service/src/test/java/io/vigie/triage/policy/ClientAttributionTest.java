package io.vigie.triage.policy;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.inventory.Criticality;
import io.vigie.triage.inventory.InventoryItem;
import io.vigie.triage.inventory.InventoryMatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.vigie.triage.alert.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is told (issue #17): a client is affected when the inventory says so, or when the alert comes from a source
 * bound to it; any other client the alert leads to is a suggestion for an analyst.
 */
class ClientAttributionTest {

    private static final InventoryItem CRM_DB = new InventoryItem("crm-db", InventoryItem.Kind.ASSET, Criticality.CRITICAL,
            List.of("acme", "globex"), List.of(DataCategory.PERSONAL), null);
    private static final InventoryMatch UNKNOWN_ASSET = InventoryMatch.of(List.of(), List.of("ghost-07"));

    @Test
    void shouldOnlySuggestTheClientAnUnboundSourceNames() {
        ClientAttribution clients = attribute(alert().sourceName("wazuh-lyon").asset("ghost-07").clientHint("acme")
                .build(), UNKNOWN_ASSET);

        assertThat(clients.affected()).isEmpty();
        assertThat(clients.suggested()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(clients.rationale()).singleElement().satisfies(rule -> {
            assertThat(rule.ruleId()).isEqualTo("suggested-client");
            assertThat(rule.description()).isEqualTo(
                    "client acme named by source wazuh-lyon which is not bound to it; an analyst must confirm");
            assertThat(rule.effect()).isEqualTo("suggested client acme, not notified until confirmed");
        });
    }

    @Test
    void shouldMakeTheClientABoundSourceNamesAffectedAndSaySo() {
        ClientAttribution clients = attribute(alert().sourceName("splunk-acme").boundTo("acme").clientHint(" acme ")
                .build(), UNKNOWN_ASSET);

        assertThat(clients.affected()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(clients.suggested()).isEmpty();
        assertThat(clients.rationale()).singleElement().satisfies(rule -> {
            assertThat(rule.ruleId()).isEqualTo("bound-source");
            assertThat(rule.effect()).isEqualTo("affected client acme");
        });
    }

    @Test
    void shouldOnlySuggestAClientABoundSourceNamesOutsideItsBindings() {
        ClientAttribution clients = attribute(alert().sourceName("splunk-acme").boundTo("acme").clientHint("initech")
                .build(), UNKNOWN_ASSET);

        assertThat(clients.affected()).isEmpty();
        assertThat(clients.suggested()).extracting(AffectedClient::clientId).containsExactly("initech");
        assertThat(clients.rationale()).singleElement().extracting(RuleFired::description)
                .isEqualTo("client initech named by source splunk-acme which is not bound to it; an analyst must confirm");
    }

    @Test
    void shouldLetTheInventoryDecideForASocWideSourceAndSuggestTheClientItNames() {
        ClientAttribution clients = attribute(alert().asset("crm-db").clientHint("initech").build(),
                InventoryMatch.of(List.of(CRM_DB), List.of()));

        assertThat(clients.affected()).extracting(AffectedClient::clientId).containsExactly("acme", "globex");
        assertThat(clients.affected()).allSatisfy(client -> assertThat(client.assets()).containsExactly("crm-db"));
        assertThat(clients.suggested()).extracting(AffectedClient::clientId).containsExactly("initech");
    }

    @Test
    void shouldOnlySuggestAnInventoryClientABoundSourceCannotSpeakFor() {
        ClientAttribution clients = attribute(alert().sourceName("splunk-acme").boundTo("acme").asset("crm-db").build(),
                InventoryMatch.of(List.of(CRM_DB), List.of()));

        assertThat(clients.affected()).extracting(AffectedClient::clientId).containsExactly("acme");
        assertThat(clients.suggested()).singleElement().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo("globex");
            assertThat(client.assets()).containsExactly("crm-db");
            assertThat(client.dataCategories()).containsExactly(DataCategory.PERSONAL);
        });
        assertThat(clients.rationale()).singleElement().extracting(RuleFired::description).isEqualTo(
                "client globex holds crm-db in the inventory, but source splunk-acme is bound to acme only and "
                        + "cannot speak for it; an analyst must confirm");
    }

    @Test
    void shouldSuggestNothingWhenTheNamedClientIsAlreadyAffected() {
        ClientAttribution clients = attribute(alert().sourceName("edr").boundTo("acme", "globex").asset("crm-db")
                .clientHint("globex").build(), InventoryMatch.of(List.of(CRM_DB), List.of()));

        assertThat(clients.affected()).extracting(AffectedClient::clientId).containsExactly("acme", "globex");
        assertThat(clients.suggested()).isEmpty();
        assertThat(clients.rationale()).isEmpty();
    }

    private static ClientAttribution attribute(Alert alert, InventoryMatch inventory) {
        return ClientAttribution.of(alert, inventory, Set.of(DataCategory.PERSONAL), false);
    }
}
