package com.openfulfil.dropship.support.it;

import com.openfulfil.dropship.support.testing.RouteLocks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that says how it recognises callers is locked except for its public routes, over real HTTP. */
@SpringBootTest(classes = SupportTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=support-access-it",
                "spring.cloud.function.definition=",
                "dropship.topics.provision=false",
                "resilience4j.ratelimiter.configs.signup.limit-for-period=2",
                "resilience4j.ratelimiter.configs.signup.limit-refresh-period=1h",
                "resilience4j.ratelimiter.configs.signup.timeout-duration=0"})
class AccessIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int unused = socket.getLocalPort();
            registry.add("dropship.kafka.bootstrap-servers", () -> "localhost:" + unused);
        }
    }

    @Test
    void aLockedRouteRefusesACallerWithoutCredentialsBeforeReadingTheRequest() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/api/locked", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(anonymous).get("detail").asString()).isEqualTo(AccessTestApi.HINT);
        assertThat(send("POST", "/api/locked", null, "{}").statusCode()).as("401, not the form's 400").isEqualTo(401);
        assertThat(json(send("GET", "/api/locked", "ak_wrong", null)).get("detail").asString())
                .isEqualTo("The API key is not valid.");
        assertThat(send("GET", "/api/no-such-route", null, null).statusCode()).as("locked unless public").isEqualTo(401);

        HttpResponse<String> admin = send("GET", "/api/locked", AccessTestApi.ADMIN_KEY, null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin).get("caller").asString()).isEqualTo("admin:admin");
        assertThat(send("POST", "/api/locked", AccessTestApi.ADMIN_KEY, "{}").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/no-such-route", AccessTestApi.ADMIN_KEY, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPublicRouteAnswersAnyoneAndKnowsACallerWhoSentCredentials() throws Exception {
        assertThat(json(send("GET", "/api/open", null, null)).get("caller").asString()).isEqualTo("nobody");
        assertThat(send("HEAD", "/api/open", null, null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/api/open", AccessTestApi.ADMIN_KEY, null)).get("caller").asString())
                .isEqualTo("admin:admin");
        assertThat(send("GET", "/api/open", "ak_wrong", null).statusCode()).as("wrong credentials are refused anywhere")
                .isEqualTo(401);
    }

    @Test
    void aPublicPostSpendsFromItsClientAddressesBudgetAndIsRefusedPastIt() throws Exception {
        String form = "{\"name\":\"Lê Thu Hà\"}";
        assertThat(send("POST", "/api/signup", null, form).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/signup", null, "{}").statusCode()).as("a bad form spends too").isEqualTo(400);

        HttpResponse<String> refused = send("POST", "/api/signup", null, form);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(json(refused).get("detail").asString())
                .startsWith("This address is over its limit of 2 requests per 3600000 ms");
        assertThat(send("GET", "/api/open", null, null).statusCode()).as("reads have no budget").isEqualTo(200);
    }

    @Test
    void theRouteCheckFindsAPublicRouteMissingFromTheAllowListAndAnEntryThatMapsNothing() {
        RouteLocks allowList = RouteLocks.healthAndMetricsArePublic()
                .allow("POST /api/signup", "the sign-up form")
                .allow("GET /api/gone", "a route since removed");

        assertThat(allowList.problems(context, port)).hasSize(2).satisfiesExactlyInAnyOrder(
                problem -> assertThat(problem).startsWith("GET /api/open answered 200 without credentials"),
                problem -> assertThat(problem).isEqualTo("GET /api/gone is allowed without credentials but not mapped"));
        assertThat(RouteLocks.mapped(context)).contains("GET /api/locked", "POST /api/locked", "GET /actuator/info",
                "GET /error");

        RouteLocks.healthAndMetricsArePublic().allow("POST /api/signup", "the sign-up form")
                .allow("GET /api/open", "the public read").check(context, port);
    }

    private HttpResponse<String> send(String method, String path, String apiKey, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
