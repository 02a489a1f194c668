package io.vigie.intake.normalise;

import io.vigie.intake.IntakeRejection;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into alerts: parses it with tight limits, then hands it to its tool's normaliser. Every
 * limit answers 400 with what was wrong, before anything is kept or published.
 */
@Component
public class Normalisers {

    // Alert payloads are shallow; a deeper document is an attack on the parser, not an alert.
    static final int MAX_NESTING = 32;
    static final int MAX_STRING = 64 * 1024;
    static final int MAX_NUMBER_LENGTH = 40;

    private final JsonMapper mapper;
    private final Map<SourceType, Normaliser> byType = new EnumMap<>(SourceType.class);

    Normalisers(List<Normaliser> normalisers, IntakeProperties properties) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(1_000)
                .maxDocumentLength(properties.maxBodySize().toBytes() * 4)
                .build();
        this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        normalisers.forEach(normaliser -> byType.put(normaliser.type(), normaliser));
    }

    public List<Alert> normalise(Source source, byte[] body, Instant receivedAt) {
        JsonNode payload = parse(body);
        PayloadReader reader = new PayloadReader(receivedAt);
        List<Alert> alerts = byType.get(source.type()).normalise(source, payload, reader);
        reader.throwIfInvalid("The " + source.type().name().toLowerCase(java.util.Locale.ROOT) + " payload");
        return alerts;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw IntakeRejection.invalid("The body is empty; send the alert as JSON.", List.of());
        }
        try {
            JsonNode payload = mapper.readTree(body);
            if (payload == null || payload.isMissingNode() || !payload.isContainer()) {
                throw IntakeRejection.invalid("The body must be a JSON object or array.", List.of());
            }
            return payload;
        } catch (JacksonException e) {
            // The parser's own words (invalid UTF-8 byte, nesting depth, number length) with where it happened;
            // bounded, since it may quote the input.
            String reason = e.getOriginalMessage();
            if (reason.length() > 300) {
                reason = reason.substring(0, 300) + "…";
            }
            String at = e.getLocation() == null ? "" : " (at byte " + e.getLocation().getByteOffset() + ")";
            throw IntakeRejection.invalid("The body is not acceptable JSON: " + reason + at, List.of());
        }
    }
}
