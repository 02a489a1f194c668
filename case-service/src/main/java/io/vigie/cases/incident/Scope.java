package io.vigie.cases.incident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an incident touches: its impact in words, the assets, services and categories of data, and whether personal
 * data is involved. Each alert of the incident adds to it; nothing is ever taken away.
 */
public record Scope(boolean personalData, String impact, List<String> assets, List<String> services,
                    List<String> dataCategories) {

    /** This scope and what {@code more} touches; the impact in words stays the first one's. */
    Scope joinedWith(Scope more) {
        return new Scope(personalData || more.personalData, impact, union(assets, more.assets),
                union(services, more.services), union(dataCategories, more.dataCategories));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
