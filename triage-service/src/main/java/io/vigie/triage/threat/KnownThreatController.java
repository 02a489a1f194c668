package io.vigie.triage.threat;

import io.vigie.platform.web.problem.NotFoundException;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.document.DocumentValues;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Reads for every Vigie role; changes for MANAGER only. */
@RestController
@RequestMapping("/api/indicators")
class KnownThreatController {

    record IndicatorRequest(String description) {
    }

    record ImportResult(int imported, int total) {
    }

    private final KnownThreats knownThreats;
    private final KnownThreatAdministration administration;

    KnownThreatController(KnownThreats knownThreats, KnownThreatAdministration administration) {
        this.knownThreats = knownThreats;
        this.administration = administration;
    }

    @GetMapping
    List<KnownIndicator> list(@RequestParam(required = false) String type,
                              @RequestParam(defaultValue = "0") int offset,
                              @RequestParam(defaultValue = "1000") int limit) {
        IndicatorType parsed = type == null ? null : DocumentValues.enumValue(IndicatorType.class, type)
                .orElseThrow(() -> new InvalidInputException("Unknown indicator type",
                        new InputError(0, "type", "expected one of " + List.of(IndicatorType.values()),
                                DocumentValues.names(IndicatorType.class))));
        return knownThreats.list(parsed, Math.max(0, offset), Math.max(1, Math.min(limit, 10_000)));
    }

    @GetMapping("/{type}/{value}")
    KnownIndicator one(@PathVariable String type, @PathVariable String value) {
        Indicator indicator = indicator(type, value);
        return knownThreats.find(indicator).orElseThrow(() -> new NotFoundException(indicator + " is not a known threat"));
    }

    @PutMapping(path = "/{type}/{value}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    KnownIndicator put(@PathVariable String type, @PathVariable String value, @RequestBody IndicatorRequest request) {
        KnownIndicator known = new KnownIndicator(indicator(type, value), request.description());
        administration.save(known);
        return known;
    }

    @DeleteMapping("/{type}/{value}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable String type, @PathVariable String value) {
        Indicator indicator = indicator(type, value);
        if (!administration.delete(indicator)) {
            throw new NotFoundException(indicator + " is not a known threat");
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code text/csv} or YAML; {@code mode=replace} makes the import the whole list, {@code merge} adds to it. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/yaml", "application/x-yaml", "text/yaml"})
    @PreAuthorize("hasRole('MANAGER')")
    ImportResult importIndicators(@RequestBody String document, @RequestHeader("Content-Type") String contentType,
                                  @RequestParam(defaultValue = "merge") String mode) {
        if (!mode.equals("merge") && !mode.equals("replace")) {
            throw new InvalidInputException("Unknown import mode", new InputError(0, "mode", "mode is merge or replace, not " + mode));
        }
        List<KnownIndicator> indicators = contentType.startsWith("text/csv")
                ? IndicatorDocuments.fromCsv(document) : IndicatorDocuments.fromYaml(document);
        administration.importIndicators(indicators, mode.equals("replace"));
        return new ImportResult(indicators.size(), knownThreats.size());
    }

    private static Indicator indicator(String type, String value) {
        List<InputError> errors = new ArrayList<>();
        return IndicatorDocuments.indicator(0, type, value, null, errors).map(KnownIndicator::indicator)
                .orElseThrow(() -> new InvalidInputException("Not an indicator", errors));
    }
}
