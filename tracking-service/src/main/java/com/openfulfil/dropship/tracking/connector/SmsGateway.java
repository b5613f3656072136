package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.tracking.domain.notification.Sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends a text message through a provider with the common REST shape:
 * {@code POST <root>/2010-04-01/Accounts/<account>/Messages.json}, form-encoded {@code To}, {@code From},
 * {@code Body}, HTTP Basic with the account id and token. The token never appears in a log or an error.
 */
public final class SmsGateway {
    /** What became of one message. */
    public enum Outcome {
        /** The provider took it. */
        SENT,
        /** The provider will never take it (a number it cannot reach, a body it refuses): not tried again. */
        REFUSED,
        /** The provider is away, overloaded or slow: tried again later. */
        TRY_AGAIN
    }

    /** The outcome, with the provider's status and the start of its answer for the log. */
    public record Result(Outcome outcome, int status, String detail) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI messages;
    private final String authorization;
    private final String from;

    public SmsGateway(URI providerUrl, String accountSid, String authToken, String from) {
        String root = providerUrl.toString().endsWith("/") ? providerUrl.toString() : providerUrl + "/";
        this.messages = URI.create(root + "2010-04-01/Accounts/" + URLEncoder.encode(accountSid, StandardCharsets.UTF_8)
                + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
    }

    public Result send(Sms sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", sms.to());
        form.put("From", from);
        form.put("Body", sms.body());
        HttpRequest request = HttpRequest.newBuilder(messages).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                // providers that keep idempotency keys take the same message once; the others are covered by
                // the courier remembering what it sent
                .header("Idempotency-Key", sms.notificationId())
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String detail = response.body() == null ? "" : response.body().substring(0, Math.min(200, response.body().length()));
            if (status / 100 == 2) {
                return new Result(Outcome.SENT, status, detail);
            }
            boolean later = status == 429 || status == 408 || status >= 500 || status == 401 || status == 403;
            return new Result(later ? Outcome.TRY_AGAIN : Outcome.REFUSED, status, detail);
        } catch (IOException e) {
            return new Result(Outcome.TRY_AGAIN, 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.TRY_AGAIN, 0, "interrupted");
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
