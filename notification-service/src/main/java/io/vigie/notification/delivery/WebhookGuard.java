package io.vigie.notification.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks from being turned against the SOC's own network (SSRF): the target must use https (or http), name an
 * allow-listed host, and every address that host resolves to must be public. Loopback, private, link-local (cloud
 * metadata at 169.254.169.254 included), carrier-grade NAT, unique-local, multicast and unspecified addresses are
 * refused, also when written as an IPv4-mapped IPv6 address.
 */
class WebhookGuard {

    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final Resolver resolver;

    WebhookGuard(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT).strip()).toList();
        this.resolver = resolver;
    }

    /** The target's addresses once they are all allowed; a refusal names the reason, never a partial check. */
    InetAddress[] check(URI target) throws DeliveryException {
        String scheme = target.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw DeliveryException.permanent("Webhook refused: only http(s) URLs are allowed");
        }
        String host = target.getHost();
        if (host == null || target.getUserInfo() != null) {
            throw DeliveryException.permanent("Webhook refused: the URL has no host, or carries credentials");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!allowed(host)) {
            throw DeliveryException.permanent("Webhook refused: host " + host + " is not in "
                    + "vigie.notification.webhook.allowed-hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw DeliveryException.transientFailure("Webhook host " + host + " does not resolve", e);
        }
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw DeliveryException.permanent("Webhook refused: " + host + " resolves to "
                        + address.getHostAddress() + ", a loopback, private, link-local or reserved address");
            }
        }
        return addresses;
    }

    private boolean allowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    static boolean forbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isIpv4Mapped(bytes) || isIpv4Compatible(bytes)) {
                try {
                    byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                    return forbidden(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            // fc00::/7 unique-local (fd00:ec2::254 is AWS's metadata service); fec0::/10 old site-local.
            return (bytes[0] & 0xfe) == 0xfc || ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0);
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                    // "this network"
                    || (first == 100 && second >= 64 && second < 128)   // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))      // benchmarking
                    || first >= 240;                             // reserved and broadcast
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static boolean isIpv4Compatible(byte[] bytes) {
        for (int i = 0; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
