package com.openfulfil.dropship.partner.connector;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls one service's public HTTP API with the partner's own key, as the partner would; answers
 * the parsed body, or throws the service's problem ({@link ServiceProblem}) or
 * {@link ServiceUnavailable}.
 */
final class ServiceClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String module;
    private final URI base;
    private final HttpClient http;

    ServiceClient(String module, URI base, HttpClient http) {
        this.module = module;
        this.base = base;
        this.http = http;
    }

    <T> T get(String path, String apiKey, Class<T> type) {
        return send(request(path, apiKey).GET().build(), type);
    }

    <T> T post(String path, String apiKey, Map<String, String> headers, Object body, Class<T> type) {
        HttpRequest.Builder request = request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        headers.forEach(request::header);
        return send(request.build(), type);
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return request;
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceUnavailable(module, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(module, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Json.mapper().readValue(response.body(), type);
        }
        if (status == 503 || status == 502 || status == 504) {
            throw new ServiceUnavailable(module, status);
        }
        throw new ServiceProblem(status, problem(response.body(), status));
    }

    private static ServiceProblem.Problem problem(String body, int status) {
        try {
            return Json.mapper().readValue(body, ServiceProblem.Problem.class);
        } catch (JacksonException e) {
            return new ServiceProblem.Problem("about:blank", "HTTP " + status, body, null);
        }
    }
}
