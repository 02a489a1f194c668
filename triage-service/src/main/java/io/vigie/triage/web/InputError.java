package io.vigie.triage.web;

/** One thing wrong with a submitted document: where (line, 1-based; 0 when it has no line) and why. */
public record InputError(int line, String field, String reason) {
}
