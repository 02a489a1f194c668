package io.vigie.intake.alert;

import java.util.List;

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
}
