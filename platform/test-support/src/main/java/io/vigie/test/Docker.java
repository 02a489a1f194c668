package io.vigie.test;

import org.testcontainers.DockerClientFactory;

final class Docker {

    private Docker() {
    }

    /** Whether Testcontainers can reach a Docker engine; a machine without one is a normal case, not an error. */
    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
