package io.vigie.triage.threat;

import io.vigie.triage.alert.Indicator;
import io.vigie.triage.document.AfterCommit;
import io.vigie.triage.threat.internal.IndicatorRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

@Service
class KnownThreatAdministration {

    private final IndicatorRepository repository;
    private final KnownThreats knownThreats;
    private final Clock clock = Clock.systemUTC();

    KnownThreatAdministration(IndicatorRepository repository, KnownThreats knownThreats) {
        this.repository = repository;
        this.knownThreats = knownThreats;
    }

    @Transactional
    void save(KnownIndicator indicator) {
        repository.saveAll(List.of(indicator), clock.instant());
        AfterCommit.run(() -> knownThreats.put(indicator));
    }

    @Transactional
    boolean delete(Indicator indicator) {
        boolean deleted = repository.delete(indicator);
        AfterCommit.run(() -> knownThreats.remove(indicator));
        return deleted;
    }

    @Transactional
    void importIndicators(List<KnownIndicator> indicators, boolean replace) {
        if (replace) {
            repository.deleteAll();
        }
        repository.saveAll(indicators, clock.instant());
        AfterCommit.run(replace ? knownThreats::reload : () -> indicators.forEach(knownThreats::put));
    }
}
