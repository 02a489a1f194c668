package io.vigie.triage.inventory;

import io.vigie.triage.alert.DataCategory;
import io.vigie.triage.document.Csv;
import io.vigie.triage.document.DocumentValues;
import io.vigie.triage.document.YamlNode;
import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads inventory imports. CSV: a header {@code name,kind,criticality,clients,dataCategories,description}, lists
 * inside a value separated by {@code ;}. YAML: a list of entries with the same keys (lists as YAML lists). A
 * document with any mistake is refused whole, with every mistake's line.
 */
final class InventoryDocuments {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}");

    private InventoryDocuments() {
    }

    static List<InventoryItem> fromCsv(String text) {
        List<InputError> errors = new ArrayList<>();
        List<InventoryItem> items = new ArrayList<>();
        for (Csv.Row row : Csv.parse(text, List.of("name", "criticality"))) {
            item(row.line(), row.get("name"), row.get("kind"), row.get("criticality"), Csv.list(row.get("clients")),
                    Csv.list(row.get("dataCategories")), row.get("description"), errors).ifPresent(items::add);
        }
        return checked(items, errors);
    }

    static List<InventoryItem> fromYaml(String text) {
        List<InputError> errors = new ArrayList<>();
        YamlNode root = YamlNode.parse(text, "inventory", errors);
        if (root.isMap()) {
            root = root.entries("items").getOrDefault("items", root);
        }
        List<InventoryItem> items = new ArrayList<>();
        for (YamlNode entry : root.items()) {
            Map<String, YamlNode> fields = entry.entries("name", "kind", "criticality", "clients", "dataCategories",
                    "description");
            item(entry.line(), text(fields.get("name")), text(fields.get("kind")), text(fields.get("criticality")),
                    texts(fields.get("clients")), texts(fields.get("dataCategories")), text(fields.get("description")),
                    errors).ifPresent(items::add);
        }
        return checked(items, errors);
    }

    static Optional<InventoryItem> item(int line, String name, String kind, String criticality, List<String> clients,
                                        List<String> dataCategories, String description, List<InputError> errors) {
        int before = errors.size();
        if (name == null || name.isBlank()) {
            errors.add(new InputError(line, "name", "name is required"));
        } else if (name.length() > 255) {
            errors.add(new InputError(line, "name", "name is longer than 255 characters"));
        }
        InventoryItem.Kind parsedKind = kind == null ? InventoryItem.Kind.ASSET
                : DocumentValues.enumValue(InventoryItem.Kind.class, kind).orElseGet(() -> {
                    errors.add(new InputError(line, "kind", "unknown kind '" + kind + "'; expected ASSET or SERVICE",
                            DocumentValues.names(InventoryItem.Kind.class)));
                    return null;
                });
        Criticality parsedCriticality = criticality == null ? null
                : DocumentValues.enumValue(Criticality.class, criticality).orElse(null);
        if (parsedCriticality == null) {
            errors.add(new InputError(line, "criticality", "criticality is required: one of "
                    + List.of(Criticality.values()) + (criticality == null ? "" : ", not '" + criticality + "'"),
                    DocumentValues.names(Criticality.class)));
        }
        for (String client : clients) {
            if (!CLIENT_ID.matcher(client).matches()) {
                errors.add(new InputError(line, "clients", "'" + client + "' is not a client id (letters, digits, . _ : @ -)"));
            }
        }
        List<DataCategory> categories = new ArrayList<>();
        for (String category : dataCategories) {
            DocumentValues.enumValue(DataCategory.class, category).ifPresentOrElse(categories::add,
                    () -> errors.add(new InputError(line, "dataCategories", "unknown data category '" + category
                            + "'; expected one of " + List.of(DataCategory.values()),
                            DocumentValues.names(DataCategory.class))));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new InventoryItem(name.strip(), parsedKind, parsedCriticality,
                clients.stream().distinct().toList(), categories.stream().distinct().toList(), description));
    }

    private static List<InventoryItem> checked(List<InventoryItem> items, List<InputError> errors) {
        Set<String> seen = new HashSet<>();
        for (InventoryItem item : items) {
            if (!seen.add(InventoryItem.key(item.name()))) {
                errors.add(new InputError(0, "name", "'" + item.name() + "' appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The inventory import was refused; nothing was changed", errors);
        }
        return items;
    }

    private static String text(YamlNode node) {
        return node == null ? null : node.text();
    }

    private static List<String> texts(YamlNode node) {
        return node == null ? List.of() : node.texts();
    }
}
