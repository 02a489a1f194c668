package io.vigie.regulatory;

/** 404: the incident, client profile or report asked for is not known here. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
