package io.vigie.events;

import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void shouldDeclareEveryEventOnceWithItsSubjectAndDeadLetterTopic() {
        assertThat(Topics.ALL).extracting(topic -> topic.valueType().getSimpleName()).containsExactlyInAnyOrder(
                "AlertRaised", "AlertClassified", "ClientNotified",
                "IncidentUpdated", "IncidentResolved", "IncidentClosed", "ClientMessageReceived", "SurveyAnswered",
                "RegulatoryReportChanged", "ClientDirectoryChanged");
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates();
        assertThat(Topics.ALERT_RAISED_TOPIC.valueSubject()).isEqualTo("vigie.alert-raised-value");
        assertThat(Topics.ALERT_RAISED_TOPIC.deadLetterTopic()).isEqualTo("vigie.alert-raised.DLT");
        // Only the client directory is a state rather than a history.
        assertThat(Topics.ALL).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
                .containsExactly(Topics.CLIENT_DIRECTORY);
    }

    @Test
    void shouldGiveEveryEventTheEnvelopeFields() {
        for (TopicSpec<?> topic : Topics.ALL) {
            Schema schema = topic.valueSchema();
            assertThat(schema.getNamespace()).isEqualTo("io.vigie.events");
            assertThat(schema.getField("eventId").schema().getLogicalType().getName()).isEqualTo("uuid");
            assertThat(schema.getField("occurredAt").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
            assertThat(schema.getField("producer")).isNotNull();
            // What the event is about, which is also its key: an alert, an incident, or (the directory) a client.
            assertThat(schema.getField("alertId") != null || schema.getField("incidentId") != null
                    || topic.compacted() && schema.getField("clientId") != null)
                    .as("%s names its alert, incident or (compacted) client", schema.getName()).isTrue();
        }
    }

    @Test
    void shouldRoundTripAnAlertRaisedWithItsLogicalTypes() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AlertRaised alert = AlertRaised.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setProducer("alert-intake-service")
                .setAlertId(UUID.randomUUID()).setSource(SourceKind.SPLUNK).setSourceName("splunk-paris")
                .setSourceReference("scheduler__admin__search__RMD5_at_1700000000_42").setFingerprint("f1")
                .setTitle("Account locked after 12 failed logins").setSeverityHint(Severity.HIGH)
                .setDetectedAt(now.minusSeconds(30)).setReceivedAt(now).setAsset("dc01.client-a.example")
                .setAccounts(List.of("j.dupont")).setIndicators(List.of(new Indicator(IndicatorType.IP, "203.0.113.7")))
                .setAttributes(Map.of("failed_logins", "12"))
                .build();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(AlertRaised.class).write(alert, encoder);
        encoder.flush();
        AlertRaised read = new SpecificDatumReader<>(AlertRaised.class)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read).isEqualTo(alert);
        assertThat(read.getResolvedBySource()).isFalse();
        assertThat(read.getTags()).isEmpty();
    }
}
