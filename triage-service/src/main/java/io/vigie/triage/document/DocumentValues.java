package io.vigie.triage.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Lenient reading of enum names written by people: case, dashes and spaces do not matter. */
public final class DocumentValues {

    private DocumentValues() {
    }

    public static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text) {
        String wanted = YamlNode.upper(text).replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The names a document may use for the values of {@code type}, in declaration order. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
