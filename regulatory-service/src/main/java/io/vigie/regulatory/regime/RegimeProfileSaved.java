package io.vigie.regulatory.regime;

/** Published synchronously inside the transaction that saved a client's profile. */
public record RegimeProfileSaved(String clientId) {
}
