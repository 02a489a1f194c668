package io.vigie.test;

/** How to reach one database created for a test: what a service's {@code spring.datasource.*} needs. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "DatabaseCoordinates[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
