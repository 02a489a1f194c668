package io.vigie.platform.registry.internal;

import java.util.List;

/**
 * A failure the client caused or must hear about, carrying Confluent's error code. The HTTP status is the
 * code's first three digits, as in Confluent's API (40401 is a 404, 409 is a 409).
 */
final class RegistryException extends RuntimeException {

    private final int errorCode;

    RegistryException(int errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }

    int httpStatus() {
        int status = errorCode;
        while (status >= 1000) {
            status /= 10;
        }
        return status;
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(400, message);
    }

    static RegistryException unauthorized() {
        return new RegistryException(401, "Unauthorized: send the credentials of a registry user (HTTP Basic)");
    }

    /** 42209 is not Confluent's; 422 is its status for a request it understands but refuses. */
    static RegistryException subjectInUse(String subject) {
        return new RegistryException(42209, "Subject '" + subject + "' frames a topic's records: deleting it would "
                + "make them unreadable");
    }

    static RegistryException notFound() {
        return new RegistryException(404, "HTTP 404 Not Found");
    }

    static RegistryException methodNotAllowed() {
        return new RegistryException(405, "HTTP 405 Method Not Allowed");
    }

    static RegistryException payloadTooLarge(int limit) {
        return new RegistryException(413, "Request body is larger than " + limit + " bytes");
    }

    static RegistryException unsupportedMediaType() {
        return new RegistryException(415, "HTTP 415 Unsupported Media Type");
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound(int id) {
        return new RegistryException(40403, "Schema " + id + " not found");
    }

    static RegistryException schemaNotFoundUnderSubject() {
        return new RegistryException(40403, "Schema not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(40404,
                "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(40405,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted. Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectLevelNotConfigured(String subject) {
        return new RegistryException(40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatible(String subject, List<String> messages) {
        return new RegistryException(409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: [" + String.join(", ", messages) + "]");
    }

    static RegistryException invalidSchema(String reason) {
        return new RegistryException(42201, "Invalid schema: " + reason);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(42203, "Invalid compatibility level. Valid values are none, backward, forward, "
                + "full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException storeError() {
        return new RegistryException(50001, "Error in the backend data store");
    }

    static RegistryException internalError() {
        return new RegistryException(500, "Internal Server Error");
    }
}
