package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One HTTP exchange with a store's API, no retries, read the same way for every channel: 2xx is the
 * answer's JSON; 5xx, 408, 429 (with its {@code Retry-After}) and no answer at all are
 * {@link ChannelUnavailableException}; any other status is {@link ChannelRefusedException}.
 */
final class StoreHttp {
    private final HttpClient http;
    private final Duration timeout;

    StoreHttp(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body));
    }

    JsonNode send(HttpRequest request) {
        byte[] body = bytes(request);
        try {
            return body.length == 0 ? Json.mapper().nullNode() : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new ChannelUnavailableException(request.uri() + " answered something that is not JSON", null, e);
        }
    }

    /** The answer's body as it came (a feed's processing report is XML), read as {@link #send} reads the status. */
    byte[] bytes(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ChannelUnavailableException(request.uri() + " did not answer: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailableException("Interrupted while calling " + request.uri(), null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500 || status == 408) {
            OptionalLong seconds = response.headers().firstValueAsLong("Retry-After");
            throw new ChannelUnavailableException(request.method() + " " + request.uri() + " answered " + status,
                    seconds.isPresent() ? Duration.ofSeconds(seconds.getAsLong()) : null, null);
        }
        if (status >= 300) {
            throw new ChannelRefusedException(request.method() + " " + request.uri() + " refused with " + status, status);
        }
        return response.body();
    }
}
