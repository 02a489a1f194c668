package io.vigie.regulatory.web;

import io.vigie.regulatory.regime.RegimeProfile;
import io.vigie.regulatory.regime.RegimeRequest;
import org.springframework.util.MultiValueMap;

/**
 * The profile page's fields to and from the API's {@link RegimeRequest}, so the page is validated by the same
 * annotations. A regime whose fields are all empty is not bound; one half filled is sent as it is, and the
 * validation names the empty field.
 */
record ProfileForm(String language, String gdprContactPoint, String gdprAuthority, String nis2EntityType,
                   String nis2Authority, String doraAuthority) {

    static final ProfileForm EMPTY = new ProfileForm("en", null, null, null, null, null);

    static ProfileForm of(RegimeProfile profile) {
        return new ProfileForm(profile.language(),
                profile.gdpr() == null ? null : profile.gdpr().contactPoint(),
                profile.gdpr() == null ? null : profile.gdpr().supervisoryAuthority(),
                profile.nis2() == null ? null : profile.nis2().entityType(),
                profile.nis2() == null ? null : profile.nis2().authority(),
                profile.dora() == null ? null : profile.dora().competentAuthority());
    }

    static ProfileForm read(MultiValueMap<String, String> form) {
        return new ProfileForm(text(form, "language"), text(form, "gdprContactPoint"), text(form, "gdprAuthority"),
                text(form, "nis2EntityType"), text(form, "nis2Authority"), text(form, "doraAuthority"));
    }

    RegimeRequest request() {
        return new RegimeRequest(language,
                gdprContactPoint == null && gdprAuthority == null ? null
                        : new RegimeRequest.Gdpr(gdprContactPoint, gdprAuthority),
                nis2EntityType == null && nis2Authority == null ? null
                        : new RegimeRequest.Nis2(nis2EntityType, nis2Authority),
                doraAuthority == null ? null : new RegimeRequest.Dora(doraAuthority));
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
