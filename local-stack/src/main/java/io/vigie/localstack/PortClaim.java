package io.vigie.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fixed port one component of the stack will listen on, and the option that moves it. */
record PortClaim(String component, String option, int port) {

    /**
     * Fails before anything starts when two components are given one port or a port is taken, so the message can
     * name the component instead of surfacing half-way through start-up as a bind error.
     */
    static void requireFree(String address, List<PortClaim> claims) {
        Map<Integer, PortClaim> byPort = new HashMap<>();
        for (PortClaim claim : claims) {
            if (claim.port() == 0) {
                continue;
            }
            PortClaim other = byPort.putIfAbsent(claim.port(), claim);
            if (other != null) {
                throw new IllegalArgumentException("Port " + claim.port() + " is configured for both the "
                        + other.component() + " and the " + claim.component() + "; move one with " + claim.option() + "=PORT");
            }
            try (ServerSocket socket = new ServerSocket()) {
                // Servers bind with SO_REUSEADDR, so a port left in TIME_WAIT by the previous run is free for them.
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), claim.port()));
            } catch (IOException e) {
                throw new PortTakenException(claim, address, e);
            }
        }
    }
}
