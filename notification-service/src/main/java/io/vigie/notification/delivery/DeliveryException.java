package io.vigie.notification.delivery;

/**
 * A channel could not deliver. Permanent failures (an address the server refuses, a forbidden webhook target) go to
 * the contact's next channel at once; others are retried with back-off first.
 */
class DeliveryException extends Exception {

    private final boolean permanent;

    DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, null);
    }

    static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    boolean permanent() {
        return permanent;
    }
}
