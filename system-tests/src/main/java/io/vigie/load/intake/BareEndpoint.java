package io.vigie.load.intake;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor to compare intake with, in the same JVM and run: a Spring MVC endpoint that parses the alert JSON and
 * answers once the broker acknowledged its bytes (acks=all), and does nothing else (no auth, no database, no Avro).
 * {@code /noop} only reads the body and answers: the ceiling of the web stack itself on the machine.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BareEndpoint {

    static final String TOPIC = "bench.bare";

    @Bean
    @Order(1)
    SecurityFilterChain bareSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/bare", "/noop").authorizeHttpRequests(r -> r.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()).build();
    }

    /** Registered as a member class of this configuration. */
    @RestController
    static class Controller {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final KafkaTemplate<String, Object> kafka;

        Controller(KafkaTemplate<String, Object> kafka) {
            this.kafka = kafka;
        }

        @PostMapping("/bare")
        ResponseEntity<Map<String, Object>> receive(@RequestBody byte[] body) throws Exception {
            JsonNode alert = JSON.readTree(body);
            kafka.send(TOPIC, alert.path("asset").asString(""), body).get(5, TimeUnit.SECONDS);
            return ResponseEntity.accepted().body(Map.of("ok", true));
        }

        /** The framework alone: reads the body and answers, so its rate is the ceiling of any endpoint here. */
        @PostMapping("/noop")
        ResponseEntity<Map<String, Object>> noop(@RequestBody byte[] body) {
            return ResponseEntity.accepted().body(Map.of("ok", body.length > 0));
        }
    }
}
