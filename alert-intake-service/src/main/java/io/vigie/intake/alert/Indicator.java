package io.vigie.intake.alert;

/** An observable that may match a known threat. */
public record Indicator(Type type, String value) {

    public enum Type { IP, DOMAIN, URL, FILE_HASH, CVE, EMAIL, USER_AGENT, OTHER }
}
