package io.vigie.test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser on a service's server-rendered pages, for their integration tests: cookies kept, redirects shown rather
 * than followed, the forms' CSRF token, and a form login against the test users (password {@code <user>-pw}).
 */
public final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String landingPage;
    /** The CSRF token the next form post carries: the last page's, read by {@link #token}. */
    public String csrf;

    /** @param landingPage the page whose form gives the token after the login, e.g. {@code /postmortems} */
    public PageBrowser(int port, String landingPage) {
        this.port = port;
        this.landingPage = landingPage;
    }

    public PageBrowser login(String user) throws Exception {
        csrf = token(get("/login").body());
        HttpResponse<String> login = post("/login", List.of(Map.entry("username", user),
                Map.entry("password", user + "-pw")), true);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        csrf = token(get(landingPage).body());
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, boolean withCsrf)
            throws Exception {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (withCsrf) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static String token(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
