package io.vigie.triage.alert;

public enum DataCategory {
    PERSONAL, HEALTH, FINANCIAL, CREDENTIALS, MARKETING, INTELLECTUAL_PROPERTY, OPERATIONAL, OTHER;

    /** Personal data, health data being personal data of a special category (GDPR art. 9). */
    public boolean isPersonal() {
        return this == PERSONAL || this == HEALTH;
    }
}
