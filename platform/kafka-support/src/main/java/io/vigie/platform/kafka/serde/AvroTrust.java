package io.vigie.platform.kafka.serde;

/**
 * Avro 1.12 only instantiates classes from packages it trusts ({@code org.apache.avro.SERIALIZABLE_PACKAGES}); the
 * property is read once, when Avro's {@code SpecificDatumReader} class is initialised, so it must be set before.
 */
public final class AvroTrust {

    public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    public static final String EVENTS_PACKAGE = "io.vigie.events";

    private AvroTrust() {
    }

    public static synchronized void trustVigieEvents() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, EVENTS_PACKAGE);
        } else if (!(("," + current + ",").contains("," + EVENTS_PACKAGE + ","))) {
            System.setProperty(PROPERTY, current + "," + EVENTS_PACKAGE);
        }
    }
}
