package io.vigie.notification.template;

import io.vigie.notification.incident.Category;
import io.vigie.notification.notice.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Which template: an incident category (or {@code DEFAULT}, used for any category without its own), a stage and a
 * language. Its {@link #id()} (e.g. {@code INITIAL/DATA_BREACH/fr}) is what ClientNotified reports.
 */
public record TemplateKey(String category, Stage stage, String language) {

    public static final String DEFAULT = "DEFAULT";

    public static TemplateKey of(Category category, Stage stage, String language) {
        return new TemplateKey(category.name(), stage, language);
    }

    public TemplateKey withDefaultCategory() {
        return new TemplateKey(DEFAULT, stage, language);
    }

    public String id() {
        return stage + "/" + category + "/" + language;
    }

    public boolean isDefault() {
        return DEFAULT.equals(category);
    }

    static boolean validCategory(String category) {
        return categories().contains(category);
    }

    /** What a template's category may be: DEFAULT, then every incident category. */
    static List<String> categories() {
        List<String> categories = new ArrayList<>(List.of(DEFAULT));
        for (Category known : Category.values()) {
            categories.add(known.name());
        }
        return categories;
    }
}
