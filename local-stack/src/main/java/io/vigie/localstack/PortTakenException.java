package io.vigie.localstack;

/** A port the local stack needs is in use: says which port, which component wanted it, and how to move it. */
public final class PortTakenException extends IllegalStateException {

    private final int port;
    private final String component;

    PortTakenException(PortClaim claim, String address, Throwable cause) {
        super("Port " + claim.port() + " on " + address + " is already in use, and the " + claim.component()
                + " needs it. Stop whatever listens there (lsof -i :" + claim.port() + " shows it), "
                + "or move the " + claim.component() + " with " + claim.option() + "=PORT, "
                + "or the whole stack with --port-offset=N (for example --port-offset=100).", cause);
        this.port = claim.port();
        this.component = claim.component();
    }

    public int port() {
        return port;
    }

    public String component() {
        return component;
    }
}
