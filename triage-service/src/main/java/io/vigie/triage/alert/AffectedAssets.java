package io.vigie.triage.alert;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What an alert touches: the asset and service it names, the accounts, and the observables it carries. */
public record AffectedAssets(
        String asset,
        String service,
        List<String> accounts,
        List<String> ipAddresses,
        List<Indicator> indicators) {

    public AffectedAssets {
        accounts = List.copyOf(accounts);
        ipAddresses = List.copyOf(ipAddresses);
        indicators = List.copyOf(indicators);
    }

    public Optional<String> assetName() {
        return Optional.ofNullable(asset).filter(name -> !name.isBlank());
    }

    public Optional<String> serviceName() {
        return Optional.ofNullable(service).filter(name -> !name.isBlank());
    }

    /** Every observable of the alert, its bare IP addresses included. */
    public List<Indicator> observables() {
        return Stream.concat(indicators.stream(),
                ipAddresses.stream().map(ip -> new Indicator(IndicatorType.IP, ip))).distinct().toList();
    }
}
