package io.vigie.triage.threat;

import io.vigie.triage.alert.Alert;
import io.vigie.triage.alert.Indicator;
import io.vigie.triage.alert.IndicatorType;
import io.vigie.triage.document.Fingerprint;
import io.vigie.triage.threat.internal.IndicatorRepository;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The known-threat list in memory: every alert's observables are looked up here, so a match is one hash lookup
 * per observable however long the list grows (100,000 indicators and more). Single changes update the map after
 * their commit; an import rebuilds it.
 */
@Component
public class KnownThreats {

    private final IndicatorRepository repository;
    private volatile Map<Indicator, KnownIndicator> indicators;
    private volatile String fingerprint;

    KnownThreats(IndicatorRepository repository) {
        this.repository = repository;
        reload();
    }

    /** The alert's observables that are on the list, in the alert's order. */
    public List<Indicator> matches(Alert alert) {
        Map<Indicator, KnownIndicator> snapshot = indicators;
        return alert.affected().observables().stream().filter(snapshot::containsKey).toList();
    }

    public Optional<KnownIndicator> find(Indicator indicator) {
        return Optional.ofNullable(indicators.get(indicator));
    }

    public List<KnownIndicator> list(IndicatorType type, int offset, int limit) {
        return indicators.values().stream()
                .filter(known -> type == null || known.indicator().type() == type)
                .sorted(Comparator.comparing((KnownIndicator known) -> known.indicator().type())
                        .thenComparing(known -> known.indicator().value()))
                .skip(offset).limit(limit).toList();
    }

    public int size() {
        return indicators.size();
    }

    void put(KnownIndicator known) {
        indicators.put(known.indicator(), known);
    }

    void remove(Indicator indicator) {
        indicators.remove(indicator);
    }

    /** Reloads when another instance changed the table; cheap when nothing changed. */
    void refreshIfChanged() {
        if (Fingerprint.changed(fingerprint, repository.fingerprint())) {
            reload();
        }
    }

    void reload() {
        // taken before reading, so a change committed meanwhile is seen by the next refresh
        fingerprint = repository.fingerprint();
        Map<Indicator, KnownIndicator> fresh = new ConcurrentHashMap<>();
        repository.findAll(known -> fresh.put(known.indicator(), known));
        indicators = fresh;
    }
}
