package io.vigie.platform.web.problem;

/**
 * What a problem's {@code instance} says of the request's path. The path as it is unless a service declares a bean
 * of this type: alert-intake's masks a Splunk webhook's token, which is the path's last segment.
 */
@FunctionalInterface
public interface ProblemInstance {

    String of(String requestPath);
}
