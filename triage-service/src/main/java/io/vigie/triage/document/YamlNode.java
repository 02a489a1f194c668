package io.vigie.triage.document;

import io.vigie.triage.web.InputError;
import io.vigie.triage.web.InvalidInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A YAML document read as SnakeYAML's node tree rather than as plain maps, so that every value keeps its position:
 * a refused document names the line of each mistake. Mistakes are collected, not thrown one by one, so the author
 * sees all of them at once.
 */
public final class YamlNode {

    private final Node node;
    private final String path;
    private final List<InputError> errors;

    private YamlNode(Node node, String path, List<InputError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /**
     * Parses one document. Syntax errors are refused at once with SnakeYAML's mark; an empty document is refused
     * too. Anchors and aliases are limited, so a billion-laughs document cannot exhaust memory.
     */
    public static YamlNode parse(String text, String what, List<InputError> errors) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(20 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String reason = (e.getContext() != null ? e.getContext() + ", " : "") + e.getProblem();
            throw new InvalidInputException("The " + what + " is not valid YAML", new InputError(line, "", reason));
        } catch (YAMLException e) {
            throw new InvalidInputException("The " + what + " is not valid YAML", new InputError(0, "", e.getMessage()));
        }
        if (root == null) {
            throw new InvalidInputException("The " + what + " is empty", new InputError(1, "", "empty document"));
        }
        return new YamlNode(root, "", errors);
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String path() {
        return path;
    }

    public void error(String reason) {
        errors.add(new InputError(line(), path, reason));
    }

    /** A mistake in a value that must be one of {@code allowed}, which the answer lists. */
    public void error(String reason, List<String> allowed) {
        errors.add(new InputError(line(), path, reason, allowed));
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** The entries of a mapping, in document order; an error (and nothing) when this is not a mapping. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            error("expected a mapping (key: value lines)");
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), new YamlNode(tuple.getValueNode(), child(key.getValue()), errors));
            } else {
                new YamlNode(tuple.getKeyNode(), path, errors).error("keys must be plain words");
            }
        }
        return entries;
    }

    /** Checks that a mapping holds only the given keys: a misspelt key is a mistake, not something to ignore. */
    public Map<String, YamlNode> entries(String... allowed) {
        return entries(Set.of(), (key, node) -> { }, allowed);
    }

    /**
     * As {@link #entries(String...)}, except for the keys the format used to have and no longer does: each of those is
     * handed to {@code onRetired} with the node of the key itself (its line is the key's), which says why it went
     * better than "unknown key" would, and it is left out of the entries.
     */
    public Map<String, YamlNode> entries(Set<String> retired, BiConsumer<String, YamlNode> onRetired,
                                         String... allowed) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            error("expected a mapping (key: value lines)");
            return entries;
        }
        List<String> known = List.of(allowed);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                new YamlNode(tuple.getKeyNode(), path, errors).error("keys must be plain words");
                continue;
            }
            YamlNode value = new YamlNode(tuple.getValueNode(), child(key.getValue()), errors);
            if (retired.contains(key.getValue())) {
                onRetired.accept(key.getValue(), new YamlNode(key, child(key.getValue()), errors));
                continue;
            }
            if (!known.contains(key.getValue())) {
                value.errorAtKey("unknown key '" + key.getValue() + "'; expected one of " + known);
            }
            entries.put(key.getValue(), value);
        }
        return entries;
    }

    private void errorAtKey(String reason) {
        errors.add(new InputError(line(), path, reason));
    }

    public List<YamlNode> items() {
        List<YamlNode> items = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(new YamlNode(values.get(i), path + "[" + i + "]", errors));
            }
        } else if (node instanceof ScalarNode) {
            items.add(this);
        } else {
            error("expected a list");
        }
        return items;
    }

    /** The scalar's text; an error (and null) for a list or mapping. */
    public String text() {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        error("expected a single value");
        return null;
    }

    public List<String> texts() {
        return items().stream().map(YamlNode::text).filter(value -> value != null).toList();
    }

    public boolean bool() {
        String text = text();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        error("expected true or false, not '" + text + "'");
        return false;
    }

    public int integer() {
        String text = text();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            error("expected a whole number, not '" + text + "'");
            return 0;
        }
    }

    public <E extends Enum<E>> Optional<E> enumValue(Class<E> type) {
        String text = text();
        if (text == null) {
            return Optional.empty();
        }
        return DocumentValues.enumValue(type, text).or(() -> {
            List<String> allowed = DocumentValues.names(type);
            error("unknown " + DocumentValues.describe(type) + " '" + text + "'; expected one of " + allowed, allowed);
            return Optional.empty();
        });
    }

    public <E extends Enum<E>> List<E> enumValues(Class<E> type) {
        return items().stream().flatMap(item -> item.enumValue(type).stream()).toList();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String upper(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
