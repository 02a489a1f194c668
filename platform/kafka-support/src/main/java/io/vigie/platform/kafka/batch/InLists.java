package io.vigie.platform.kafka.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SQL {@code IN (?, ?, …)} lists over many values, for the statements that read or lock a whole poll's rows at once:
 * the values go in slices of at most {@value #SLICE}, far below PostgreSQL's and H2's limits on parameters.
 */
public final class InLists {

    public static final int SLICE = 500;

    private InLists() {
    }

    /** The values, in their order, cut into slices of at most {@value #SLICE}; none for no values. */
    public static <T> List<List<T>> slices(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            slices.add(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
        return slices;
    }

    /** {@code ?, ?, ?} for {@code count} values (at least one). */
    public static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }
}
