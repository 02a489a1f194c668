package io.vigie.localstack;

/** One service of a running local stack: where it answers and where it keeps its data. */
public record RunningService(VigieService service, String baseUrl, int port, DatabaseSettings database) {

    public String healthUrl() {
        return baseUrl + "/actuator/health";
    }

    public String prometheusUrl() {
        return baseUrl + "/actuator/prometheus";
    }
}
