package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchMessage;
import com.openfulfil.dropship.gateway.config.GatewayProperties;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One call to an HTTP supplier's API, no retries: the message's JSON exactly as on the dispatch topic,
 * {@code Idempotency-Key: <dispatchId>} so a repeated call is recognised, and signed with the
 * supplier's secret so the supplier knows it comes from us.
 */
final class SupplierHttpClient {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final GatewayProperties.Supplier supplier;
    private final HttpClient http;
    private final Duration timeout;

    SupplierHttpClient(GatewayProperties.Supplier supplier) {
        this.supplier = supplier;
        this.timeout = supplier.http().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Returns when the supplier took the message (2xx); throws otherwise. */
    void send(DispatchMessage message, byte[] json) {
        URI uri = uri(message);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, message.dispatchId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        supplier.signingSecret().ifPresent(secret -> request.header(Signatures.HEADER, Signatures.sign(secret, json)));
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new SupplierUnavailableException(uri + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupplierUnavailableException("Interrupted while calling " + uri, e);
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new SupplierUnavailableException(uri + " answered " + status, null);
        }
        if (status >= 300) {
            throw new SupplierRefusedException(uri + " refused " + message.getClass().getSimpleName() + " "
                    + message.dispatchId() + " with " + status);
        }
    }

    private URI uri(DispatchMessage message) {
        String base = supplier.http().baseUrl().toString().replaceAll("/+$", "");
        String path = message instanceof CancellationRequested
                ? "/dispatches/" + message.dispatchId() + "/cancel" : "/dispatches";
        return URI.create(base + path);
    }
}
