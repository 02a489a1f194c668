package io.vigie.regulatory.web;

import io.vigie.regulatory.regime.RegimeRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileFormTest {

    @Test
    void shouldLeaveARegimeWithEveryFieldEmptyUnbound() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("language", "de");
        fields.add("gdprContactPoint", " ");
        fields.add("gdprAuthority", "");
        fields.add("nis2EntityType", "");
        fields.add("doraAuthority", "BaFin");

        RegimeRequest request = ProfileForm.read(fields).request();

        assertThat(request.language()).isEqualTo("de");
        assertThat(request.gdpr()).isNull();
        assertThat(request.nis2()).isNull();
        assertThat(request.dora().competentAuthority()).isEqualTo("BaFin");
    }

    @Test
    void shouldSendAHalfFilledRegimeSoThatValidationNamesTheEmptyField() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("nis2Authority", "ANSSI");

        RegimeRequest request = ProfileForm.read(fields).request();

        assertThat(request.nis2()).isEqualTo(new RegimeRequest.Nis2(null, "ANSSI"));
    }
}
