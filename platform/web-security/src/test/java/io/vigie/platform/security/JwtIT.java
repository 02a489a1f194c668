package io.vigie.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Production mode: the identity provider signs tokens whose {@code roles} claim carries Vigie's roles. */
@SpringBootTest(classes = TestApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtIT {

    private static final KeyPair ISSUER = rsaKeyPair();
    private static final KeyPair SOMEONE_ELSE = rsaKeyPair();

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("vigie-issuer", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void shouldLetATokenWithTheAnalystRoleAct() throws Exception {
        HttpResponse<String> response = post(token(ISSUER, "alice", List.of("ANALYST"), Instant.now().plusSeconds(300)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done by alice");
    }

    @Test
    void shouldRefuseATokenWithoutTheRole() throws Exception {
        HttpResponse<String> response = post(token(ISSUER, "vera", List.of("VIEWER"), Instant.now().plusSeconds(300)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void shouldRefuseAnExpiredOrForeignToken() throws Exception {
        HttpResponse<String> expired = post(token(ISSUER, "alice", List.of("ANALYST"), Instant.now().minusSeconds(600)));
        HttpResponse<String> foreign = post(token(SOMEONE_ELSE, "alice", List.of("MANAGER"),
                Instant.now().plusSeconds(300)));

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> post(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/incidents"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(KeyPair signer, String subject, List<String> roles, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject).claim("roles", roles)
                .issueTime(Date.from(Instant.now().minusSeconds(900))).expirationTime(Date.from(expiry)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
