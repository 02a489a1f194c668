package io.vigie.test;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a throwaway Docker container, when Docker is there. */
final class ContainerPostgres extends PostgresServer {

    static final String IMAGE_VARIABLE = "VIGIE_TEST_POSTGRES_IMAGE";
    /** The major version CI and production run. */
    private static final String DEFAULT_IMAGE = "postgres:15-alpine";

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgres start() {
        String image = System.getenv().getOrDefault(IMAGE_VARIABLE, DEFAULT_IMAGE);
        PostgreSQLContainer container = new PostgreSQLContainer(image)
                // Same speed-over-durability trade as the local cluster: the data dies with the container.
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=200");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    String adminJdbcUrl() {
        return container.getJdbcUrl();
    }

    @Override
    String username() {
        return container.getUsername();
    }

    @Override
    String password() {
        return container.getPassword();
    }

    @Override
    String description() {
        return "PostgreSQL container " + container.getDockerImageName() + " at " + container.getJdbcUrl();
    }

    @Override
    public void close() {
        container.stop();
    }
}
