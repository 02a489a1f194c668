package io.vigie.notification;

/** The API was asked for something that does not exist; answered 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
