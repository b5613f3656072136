package com.openfulfil.dropship.partner.it;

import com.openfulfil.dropship.console.security.PageHeaders;
import com.openfulfil.dropship.partner.PartnerAppApplication;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner app as a process of its own, started by its main class with its own settings: its
 * sign-in page, its own sign-in against commission-service (here a small real HTTP server answering
 * {@code GET /api/v1/partners/me/commissions} as documented), the platform's probes open, and every
 * address that is not the app's refused.
 */
@SpringBootTest(classes = PartnerAppApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class PartnerAppAloneIT extends KafkaIntegrationTest {
    private static final String KEY = "pk_partner-lan_0123456789";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpServer COMMISSIONS = commissionService();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("dropship.ops.services.commission-service",
                () -> "http://127.0.0.1:" + COMMISSIONS.getAddress().getPort());
    }

    @AfterAll
    static void stopServices() {
        COMMISSIONS.stop(0);
    }

    @Test
    void servesItsSignInPageWithThePagesHeadersAndSendsOthersToIt() throws Exception {
        HttpResponse<String> login = get("/partner/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(PageHeaders.CONTENT_SECURITY_POLICY);
        HttpResponse<String> orders = get("/partner/orders");
        assertThat(orders.statusCode()).isEqualTo(302);
        assertThat(orders.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/partner/login"));
    }

    @Test
    void signsInWithAPartnerKeyAndRefusesAnyOther() throws Exception {
        assertThat(signIn("pk_not-a-partner").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/partner/login?error="));
        HttpResponse<String> signedIn = signIn(KEY);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/partner").doesNotContain("/partner/login"));
    }

    @Test
    void aloneTheAppOpensItsProbesAndRefusesEveryAddressNotItsOwn() throws Exception {
        signIn(KEY);
        assertThat(get("/pipeline").statusCode()).isEqualTo(403);
        assertThat(get("/supplier/dispatches").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(403);
        HttpResponse<String> liveness = browser.send(request("/actuator/health/liveness").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(String key) throws Exception {
        Matcher csrf = CSRF.matcher(get("/partner/login").body());
        assertThat(csrf.find()).as("the sign-in form's CSRF field").isTrue();
        String form = "apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(request("/partner/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(request(path).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** commission-service's partner endpoint as documented: the demo partner's key is known, no other. */
    private static HttpServer commissionService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/partners/me/commissions", exchange -> {
                boolean known = KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"));
                String body = known
                        ? "{\"partnerId\":\"partner-lan\",\"partnerName\":\"Nguyễn Thị Lan\",\"totalItems\":0,\"items\":[],\"balances\":[]}"
                        : "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Not a partner key\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().putAll(Map.of("Content-Type",
                        List.of(known ? "application/json" : "application/problem+json")));
                exchange.sendResponseHeaders(known ? 200 : 401, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
