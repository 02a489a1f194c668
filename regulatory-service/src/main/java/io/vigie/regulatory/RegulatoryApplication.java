package io.vigie.regulatory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class RegulatoryApplication {

    /**
     * The service reads {@code regulatory.yml}, never {@code application.yml}: the local stack runs every service on
     * one classpath, where a shared name would make each service load the others' configuration.
     */
    public static final String CONFIG_NAME = "regulatory";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as a not-yet-started application, so the local stack can run it beside the others in one JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RegulatoryApplication.class)
                .main(RegulatoryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
