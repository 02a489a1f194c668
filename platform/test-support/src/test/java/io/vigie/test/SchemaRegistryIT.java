package io.vigie.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VigieInfrastructureExtension.class)
class SchemaRegistryIT {

    @Test
    void shouldListSubjectsOverTheConfluentApi(VigieInfrastructure infrastructure) throws Exception {
        // given
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // when
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(infrastructure.schemaRegistryUrl() + "/subjects"))
                        .header("Accept", "application/vnd.schemaregistry.v1+json")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(URI.create(infrastructure.schemaRegistryUrl()).getHost()).isEqualTo("127.0.0.1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().strip()).startsWith("[").endsWith("]");
    }
}
