package com.openfulfil.dropship.supplierportal.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's pages as a browser sees them, over real HTTP: it keeps its session cookie, follows
 * redirects, signs in as a demo supplier user and sends forms with the page's CSRF token.
 */
final class PortalBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final int port;

    PortalBrowser(int port) {
        this.port = port;
    }

    /** Signs in with the demo password; the portal then shows the user's dispatches. */
    void signIn(String user) throws Exception {
        String form = "username=" + user + "&password=supplier-demo-password&_csrf=" + csrf(get("/supplier/login").body());
        assertThat(post("/supplier/login", form).uri().getPath()).isEqualTo("/supplier/dispatches");
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form (url-encoded already, the CSRF token included). */
    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form, url-encoded for a form body. */
    static String csrf(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("a form with a CSRF token").isTrue();
        return URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpClient http() {
        return http;
    }
}
