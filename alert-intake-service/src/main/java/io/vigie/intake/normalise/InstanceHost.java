package io.vigie.intake.normalise;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host an Alertmanager {@code instance} label names, which is what the asset inventory knows. Prometheus writes
 * {@code host:port} for a scraped target, but a probe's instance is its target as configured: blackbox-exporter's
 * HTTP module gets a URL ({@code https://portal.example.com:8443/health}), its ICMP and TCP modules a bare host or
 * {@code host:port}. Parsed by hand rather than with {@link java.net.URI}, which refuses host names with an underscore
 * and paths with a space, both common in real labels.
 */
final class InstanceHost {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    // Letters and digits of any script (internationalised names), dots, hyphens and the underscore that DNS refuses but
    // real host names carry; anything else (a space, a slash, a second colon) is not a host.
    private static final Pattern HOST_NAME = Pattern.compile("[\\p{L}\\p{N}_-]+(\\.[\\p{L}\\p{N}_-]+)*\\.?");

    private InstanceHost() {
    }

    /**
     * The host of a URL (any scheme; user-info, port, path, query and fragment dropped), of {@code host:port} or
     * {@code [IPv6]:port}, or a bare host or address; host names in lower case. A value that is none of these is
     * returned as it is: it is still the best name the alert has for what it is about.
     */
    static String of(String instance) {
        if (instance == null) {
            return null;
        }
        String value = instance.strip();
        Matcher scheme = SCHEME.matcher(value);
        if (scheme.lookingAt()) {
            String authority = value.substring(scheme.end());
            authority = authority.substring(0, indexOfAny(authority, "/?#"));
            String host = hostOfAuthority(authority.substring(authority.lastIndexOf('@') + 1), true);
            return host != null ? host : instance;
        }
        String host = hostOfAuthority(value, false);
        return host != null ? host : instance;
    }

    /** The host of {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; null if it is none of these. */
    private static String hostOfAuthority(String authority, boolean inUrl) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || !validPort(authority.substring(close + 1), inUrl)) {
                return null;
            }
            String address = authority.substring(1, close);
            return address.contains(":") && PayloadReader.isIpAddress(address) ? address.toLowerCase(Locale.ROOT) : null;
        }
        if (PayloadReader.isIpAddress(authority)) {
            return authority.toLowerCase(Locale.ROOT); // a bare IPv4 or IPv6 address (unbracketed, so it has no port)
        }
        int colon = authority.indexOf(':');
        if (colon >= 0 && (authority.indexOf(':', colon + 1) >= 0 || !validPort(authority.substring(colon), inUrl))) {
            return null;
        }
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (PayloadReader.isIpAddress(host)) {
            return host;
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return null;
        }
        // "portal.example.com." (a fully qualified name, as DNS writes it) is the host the inventory knows without the dot.
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return name.toLowerCase(Locale.ROOT);
    }

    /** Empty, or a colon and a port; a URL may have a colon with no port after it (RFC 3986, 3.2.3). */
    private static boolean validPort(String rest, boolean inUrl) {
        return rest.isEmpty() || rest.startsWith(":")
                && (PORT.matcher(rest.substring(1)).matches() || inUrl && rest.length() == 1);
    }

    private static int indexOfAny(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return value.length();
    }
}
