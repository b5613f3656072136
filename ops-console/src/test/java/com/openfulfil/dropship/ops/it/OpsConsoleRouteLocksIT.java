package com.openfulfil.dropship.ops.it;

import com.openfulfil.dropship.console.security.PageHeaders;
import com.openfulfil.dropship.ops.OpsConsoleApplication;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.RouteLocks;
import com.openfulfil.dropship.support.testing.RouteLocks.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the ops console's process maps (the console, the partner app, the supplier portal)
 * refuses a caller who is not signed in, except the sign-in pages and the platform's probes
 * (docs/security.md, "ops-console"). The API and actuator answer 401; a page sends the browser to
 * the sign-in page of its own app. Forms are probed with an anonymous session's CSRF token, so a
 * form is refused for want of a sign-in, not of a token. Same context as {@link OpsConsoleBrowserIT},
 * so it starts no console of its own.
 */
@SpringBootTest(classes = OpsConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OpsConsoleRouteLocksIT extends KafkaIntegrationTest {
    static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /partner/login", "the partner app's sign-in page")
            .allow("GET /supplier/login", "the supplier portal's sign-in page");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteButTheSignInPagesAndProbesRefusesSomeoneNotSignedIn() throws Exception {
        assertThat(RouteLocks.mapped(context)).contains("GET /pipeline", "POST /api/v1/dead-letters/replay",
                "GET /partner/orders/{orderId}", "POST /partner/products/{sku}/deliver",
                "POST /supplier/dispatches/{dispatchId}/accept", "POST /supplier/tracking-upload");
        Map<String, String> anonymous = anonymousSession();
        PUBLIC.refusing(OpsConsoleRouteLocksIT::refusal)
                .sending(route -> {
                    Map<String, String> headers = new java.util.HashMap<>(anonymous);
                    headers.put("Accept", isApi(route) ? "application/json" : "text/html");
                    return headers;
                })
                .check(context, port);
    }

    @Test
    void everySignInPageForbidsInlineScript() throws Exception {
        for (String page : new String[]{"/login", "/partner/login", "/supplier/login"}) {
            HttpResponse<String> answer = get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValue(PageHeaders.CONTENT_SECURITY_POLICY);
            assertThat(PageHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self';").doesNotContain("unsafe");
        }
    }

    @Test
    void aSuppliersSignInIsNobodyOnTheOpsPages() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = browser.send(request("/supplier/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("the sign-in form's CSRF field").isTrue();
        String form = "username=hanoi-crafts&password=supplier-demo-password&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(request("/supplier/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.uri().getPath()).isEqualTo("/supplier/dispatches");

        HttpResponse<String> ops = browser.send(request("/pipeline").header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ops.uri().getPath()).as(ops.statusCode() + " " + ops.body()).isEqualTo("/login");
        HttpResponse<String> api = browser.send(request("/api/v1/pipeline").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    /** The API and actuator answer 401; a page sends the browser to its own app's sign-in. */
    private static Refusal refusal(String route) {
        if (isApi(route)) {
            return Refusal.UNAUTHORIZED;
        }
        if (under(route, "/partner")) {
            return Refusal.redirectTo("/partner/login");
        }
        return Refusal.redirectTo(under(route, "/supplier") ? "/supplier/login" : "/login");
    }

    private static boolean isApi(String route) {
        return under(route, "/api") || under(route, "/actuator");
    }

    /** Whether the route's path is {@code prefix} or below it. */
    private static boolean under(String route, String prefix) {
        String path = route.substring(route.indexOf(' ') + 1);
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A session that has signed in nowhere, with its CSRF token (the forms' hidden field) as a header. */
    private Map<String, String> anonymousSession() throws Exception {
        HttpResponse<String> page = get("/supplier/login");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the sign-in form's CSRF field").isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return Map.of("Cookie", cookie, "X-CSRF-TOKEN", token.group(1));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
