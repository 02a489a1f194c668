package io.vigie.intake.normalise;

import io.vigie.intake.alert.Alert;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Reads one tool's payload, exactly as the tool sends it, into alerts; offending fields go to the reader. */
interface Normaliser {

    SourceType type();

    List<Alert> normalise(Source source, JsonNode payload, PayloadReader reader);
}
