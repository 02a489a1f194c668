package io.vigie.schemas.compatibility;

import org.apache.avro.Schema;

/**
 * Turns Avro's JSON-pointer-like location of an incompatibility ({@code /fields/7/type/items}) into the path a
 * person reads ({@code AlertRaised.indicators[].type}).
 */
final class FieldPath {

    private FieldPath() {
    }

    static String of(Schema root, String location) {
        StringBuilder path = new StringBuilder(root.getName());
        Schema current = root;
        String[] steps = location.split("/");
        for (int i = 0; i < steps.length && current != null; i++) {
            String step = steps[i];
            switch (step) {
                case "", "type", "name" -> {
                }
                case "fields" -> {
                    if (i + 1 < steps.length && isIndex(steps[i + 1]) && current.getType() == Schema.Type.RECORD) {
                        Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
                        path.append('.').append(field.name());
                        current = field.schema();
                    }
                }
                case "items" -> {
                    path.append("[]");
                    current = current.getType() == Schema.Type.ARRAY ? current.getElementType() : null;
                }
                case "values" -> {
                    path.append("{}");
                    current = current.getType() == Schema.Type.MAP ? current.getValueType() : null;
                }
                case "symbols" -> path.append(" symbols");
                default -> {
                    if (isIndex(step) && current.getType() == Schema.Type.UNION) {
                        current = current.getTypes().get(Integer.parseInt(step));
                    }
                }
            }
        }
        return path.toString();
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.chars().allMatch(Character::isDigit);
    }
}
