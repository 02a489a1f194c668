package io.vigie.regulatory.regime;

import io.vigie.regulatory.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/clients/{clientId}/regimes}, and what the profile page posts: a null regime does not
 * apply to the client.
 */
public record RegimeRequest(@OneOf({"fr", "en", "de"}) String language, @Valid Gdpr gdpr, @Valid Nis2 nis2,
                     @Valid Dora dora) {

    public record Gdpr(@NotBlank @Size(max = 500) String contactPoint, @NotBlank @Size(max = 200) String supervisoryAuthority) {
    }

    public record Nis2(@NotBlank @OneOf({"ESSENTIAL", "IMPORTANT"}) String entityType,
                @NotBlank @Size(max = 200) String authority) {
    }

    public record Dora(@NotBlank @Size(max = 200) String competentAuthority) {
    }

    /** English unless told: the language most authorities accept besides their own. */
    public String languageOrDefault() {
        return language == null ? "en" : language;
    }
}
