package io.vigie.intake.alert;

/** A link back to the source tool, for the analyst. */
public record Link(String label, String url) {
}
