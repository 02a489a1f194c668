package io.vigie.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationApplication {

    /**
     * The service reads {@code notification.yml}, never {@code application.yml}: the local stack runs all five services on
     * one classpath, where a shared name would make each service load the others' configuration.
     */
    public static final String CONFIG_NAME = "notification";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as a not-yet-started application, so the local stack can run it beside the others in one JVM. */
    public static SpringApplicationBuilder application() {
        // Named so that Boot logs this service as the one started, also when the local stack is the launcher.
        return new SpringApplicationBuilder(NotificationApplication.class)
                .main(NotificationApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
