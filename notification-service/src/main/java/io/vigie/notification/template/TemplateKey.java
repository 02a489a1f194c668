package io.vigie.notification.template;

import io.vigie.notification.notice.Category;
import io.vigie.notification.notice.Stage;

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

    static boolean validCategory(String category) {
        if (DEFAULT.equals(category)) {
            return true;
        }
        for (Category known : Category.values()) {
            if (known.name().equals(category)) {
                return true;
            }
        }
        return false;
    }
}
