package io.vigie.cases.incident;

/**
 * A client's contact, as notification-service's directory names them on the messages and survey answers it reports.
 *
 * @param languageCode the contact's language as the event gave it; {@link #language()} is null when it is not one of
 *                     Vigie's (then no answer can be written to them, only a call logged)
 */
public record ClientContact(String clientId, String contactId, String name, String languageCode) {

    public Language language() {
        return Language.of(languageCode).orElse(null);
    }

    /** "Jane Doe (acme)": who, as the timeline and the pages write it. */
    public String describe() {
        return name + " (" + clientId + ")";
    }
}
