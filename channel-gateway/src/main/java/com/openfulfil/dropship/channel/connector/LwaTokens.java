package com.openfulfil.dropship.channel.connector;

import com.openfulfil.dropship.channel.config.ChannelProperties;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An Amazon seller's access tokens from Login with Amazon: the refresh token is exchanged for an
 * access token, which is kept and used until {@code tokenMargin} before it expires, then refreshed
 * before the next call (so no call goes out with a token about to lapse). Tokens are never logged.
 */
final class LwaTokens {
    private final ChannelProperties.AmazonStore store;
    private final StoreHttp http;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    LwaTokens(ChannelProperties.AmazonStore store, StoreHttp http, Clock clock) {
        this.store = store;
        this.http = http;
        this.clock = clock;
    }

    synchronized String accessToken() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expiresAt.minus(store.tokenMargin()))) {
            String form = Map.of("grant_type", "refresh_token", "refresh_token", nonNull(store.refreshToken()),
                            "client_id", nonNull(store.clientId()), "client_secret", nonNull(store.clientSecret()))
                    .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            JsonNode answer = http.send(http.request(store.lwaUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            String fresh = answer.path("access_token").asString("");
            if (fresh.isEmpty()) {
                throw new ChannelRefusedException("Login with Amazon gave no access token for store " + store.id());
            }
            token = fresh;
            expiresAt = now.plus(Duration.ofSeconds(answer.path("expires_in").asLong(3600)));
        }
        return token;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
