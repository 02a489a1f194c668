package io.vigie.notification.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vigie.notification.directory.WebhookTargets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from being turned against the SOC's own network (SSRF): the target must use https (or http), name an
 * allow-listed host, and every address that host resolves to must be public. Loopback, private, link-local (cloud
 * metadata at 169.254.169.254 included), carrier-grade NAT, unique-local, multicast and unspecified addresses are
 * refused, also when written inside an IPv6 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4; Teredo altogether).
 * Checked when a client's URL is registered ({@link #refusal(String)}, a 400) and again before every send, after DNS.
 */
@Component
public class WebhookGuard implements WebhookTargets {

    private static final Pattern NUMBERS = Pattern.compile("[0-9a-fx.]+");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final Resolver resolver;
    private final boolean allowLoopback;

    @Autowired
    WebhookGuard(WebhookProperties properties) {
        this(properties.allowedHosts(), InetAddress::getAllByName, properties.allowLoopback());
    }

    WebhookGuard(List<String> allowedHosts, Resolver resolver) {
        this(allowedHosts, resolver, false);
    }

    WebhookGuard(List<String> allowedHosts, Resolver resolver, boolean allowLoopback) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT).strip()).toList();
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    /**
     * What is wrong with the URL itself, without asking DNS: the scheme, credentials, a host written as a number in a
     * form other than the dotted quad (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hexadecimal
     * {@code 0x7f.1}, shortened {@code 127.1}: resolvers disagree on what they mean), a host not allow-listed, an
     * address literal that is internal. Empty when it may be registered; sending checks the resolved addresses too.
     */
    Optional<String> refusal(URI target) {
        String scheme = target.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            return Optional.of("only http(s) URLs are allowed");
        }
        String host = target.getHost();
        if (host == null || target.getUserInfo() != null) {
            return Optional.of("the URL has no host, or carries credentials");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (NUMBERS.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("the host " + host + " is a number in a form other than a.b.c.d: write its name");
        }
        if (!allowed(host)) {
            return Optional.of("the host " + host + " is not in vigie.notification.webhook.allowed-hosts");
        }
        if (DOTTED_QUAD.matcher(host).matches() || host.startsWith("[")) {
            try {
                // A literal: parsed, never looked up.
                InetAddress literal = InetAddress.getByName(host);
                if (refused(literal)) {
                    return Optional.of("the address " + literal.getHostAddress()
                            + " is a loopback, private, link-local or reserved address");
                }
            } catch (UnknownHostException e) {
                return Optional.of("the address " + host + " is not valid");
            }
        }
        return Optional.empty();
    }

    /** As {@link #refusal(URI)} for a URL as typed: also refused when it is not a URL at all. */
    @Override
    public Optional<String> refusal(String url) {
        try {
            return refusal(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL");
        }
    }

    /** The target's addresses once they are all allowed; a refusal names the reason, never a partial check. */
    InetAddress[] check(URI target) throws DeliveryException {
        Optional<String> refusal = refusal(target);
        if (refusal.isPresent()) {
            throw DeliveryException.permanent("Webhook refused: " + refusal.get());
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw DeliveryException.transientFailure("Webhook host " + host + " does not resolve", e);
        }
        for (InetAddress address : addresses) {
            if (refused(address)) {
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

    /** Forbidden, unless it is this machine and a local sink was allowed ({@code allow-loopback}). */
    private boolean refused(InetAddress address) {
        return !(allowLoopback && address.isLoopbackAddress()) && forbidden(address);
    }

    static boolean forbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isIpv4Mapped(bytes) || isIpv4Compatible(bytes) || isNat64(bytes)) {
                return forbiddenIpv4(bytes[12], bytes[13], bytes[14], bytes[15]);
            }
            // 6to4 (2002::/16) carries an IPv4 address in its next 32 bits; Teredo (2001::/32) reaches one through a
            // relay: neither is how a ticketing system is published.
            if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
                return forbiddenIpv4(bytes[2], bytes[3], bytes[4], bytes[5]);
            }
            if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
                return true;
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

    private static boolean forbiddenIpv4(byte a, byte b, byte c, byte d) {
        try {
            return forbidden(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** NAT64: the well-known prefix 64:ff9b::/96 and the local-use 64:ff9b:1::/48 translate to the IPv4 address at the end. */
    private static boolean isNat64(byte[] bytes) {
        boolean wellKnown = bytes[0] == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b;
        if (!wellKnown) {
            return false;
        }
        boolean zeros = true;
        for (int i = 4; i < 12; i++) {
            zeros &= bytes[i] == 0;
        }
        return zeros || bytes[4] == 0 && bytes[5] == 1;
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
