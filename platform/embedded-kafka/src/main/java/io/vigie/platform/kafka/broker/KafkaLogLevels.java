package io.vigie.platform.kafka.broker;

import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the broker's own loggers down to WARN: at INFO a single start prints every broker setting and each
 * partition's state change, which buries the test's output.
 */
final class KafkaLogLevels {

    private static final List<String> BROKER_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private KafkaLogLevels() {
    }

    static void quietenBrokerLoggers() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // Logback is optional: the name check keeps its classes from loading when the application uses another backend.
        if ("ch.qos.logback.classic.LoggerContext".equals(factory.getClass().getName())) {
            Logback.warnUnlessConfigured((ch.qos.logback.classic.LoggerContext) factory);
        }
    }

    private static final class Logback {

        private Logback() {
        }

        static void warnUnlessConfigured(ch.qos.logback.classic.LoggerContext context) {
            for (String name : BROKER_LOGGERS) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                // A level set by the application's own logging configuration wins.
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
