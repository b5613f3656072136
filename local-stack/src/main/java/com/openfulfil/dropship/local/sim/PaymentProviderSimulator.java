package com.openfulfil.dropship.local.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A payment provider with Stripe's refund API, for the local stack: {@code POST /v1/refunds} (form fields
 * payment_intent, amount in minor units, currency, reason, metadata[...]; the secret key as a bearer token,
 * 401 otherwise). Each refund is written to {@code <folder>/<Idempotency-Key>.txt}; a key it has seen gets
 * the first answer again, so a refund asked for twice is paid once. It fails refunds the way Stripe's test
 * mode does for its {@code refundFail} test card: a PaymentIntent whose id contains {@code refundFail} gets
 * a refund with {@code status: failed}, and one whose id contains {@code refundRefused} is refused (400).
 * A PaymentIntent whose id contains {@code refundPending} gets a refund with {@code status: pending}, which
 * {@code GET /v1/refunds/{id}} reports pending for its first {@value #PENDING_CHECKS} checks and then
 * {@code succeeded}; with {@code refundPendingFail}, {@code failed} ({@code insufficient_funds}) instead.
 */
public final class PaymentProviderSimulator implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_dropship_demo";
    /** How often a pending refund is reported pending before it settles. */
    static final int PENDING_CHECKS = 2;

    /** A refund made pending: how it settles, and how often it was asked about. */
    private record Pending(String json, Path file, boolean fails, AtomicInteger checks) {
    }

    private final HttpServer server;
    private final Path folder;
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final AtomicLong refunds = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Binds {@code port} (0: any free one) now; {@link #start} serves it. */
    public PaymentProviderSimulator(int port, Path folder) {
        this.folder = folder;
        server = SimHttp.server(port, "/v1/refunds", this::refund, "payment-provider", "payment provider simulator");
    }

    public void start() {
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The order-service arguments that pay its refunds here, and follow pending ones within seconds. */
    public List<String> serviceArgs() {
        return List.of("--dropship.order.refunds.provider-url=" + url(),
                "--dropship.order.refunds.secret-key=" + SECRET_KEY,
                "--dropship.order.refunds.pending-check-initial=5s",
                "--dropship.order.refunds.pending-check-max=20s");
    }

    /** Refunds made (each idempotency key once). */
    public long refunds() {
        return refunds.get();
    }

    private void refund(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean read = "GET".equals(exchange.getRequestMethod());
            if (!read && !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!("Bearer " + SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                SimHttp.reply(exchange, 401, error("authentication_error", null, "Invalid API Key provided."));
                return;
            }
            if (read) {
                check(exchange);
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String earlier = key == null ? null : answered.get(key);
            if (earlier != null) {
                SimHttp.reply(exchange, 200, earlier);
                return;
            }
            Map<String, String> form = SimHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String payment = form.get("payment_intent");
            String amount = form.get("amount");
            if (payment == null || amount == null || !amount.matches("[1-9][0-9]{0,11}")) {
                SimHttp.reply(exchange, 400, error("invalid_request_error", "parameter_missing",
                        "A payment_intent and a positive integer amount are required."));
                return;
            }
            if (payment.contains("refundRefused")) {
                SimHttp.reply(exchange, 400, error("invalid_request_error", "charge_already_refunded",
                        "Charge for " + payment + " has already been refunded."));
                return;
            }
            String answer = made(key, payment, amount, form);
            if (key != null) {
                answered.put(key, answer);
            }
            SimHttp.reply(exchange, 200, answer);
        }
    }

    /** Makes the refund: written down, counted, and answered as Stripe's refund object. */
    private String made(String key, String payment, String amount, Map<String, String> form) throws IOException {
        long n = refunds.incrementAndGet();
        String id = "re_sim" + n;
        boolean pends = payment.contains("refundPending");
        boolean fails = pends ? payment.contains("refundPendingFail") : payment.contains("refundFail");
        Path file = folder.resolve((key != null && key.matches("[A-Za-z0-9_-]{1,64}") ? key : id) + ".txt");
        Files.createDirectories(folder);
        Files.writeString(file, "Date: " + Instant.now() + "\nRefund: " + id
                + (pends ? " (pending)" : fails ? " (failed)" : "") + "\nPaymentIntent: "
                + payment + "\nAmount: " + amount + " " + form.get("currency") + " (minor units)\nReason: "
                + form.get("reason") + "\nOrder: " + form.get("metadata[order_id]") + "\n");
        String refund = "{\"id\":\"" + id + "\",\"object\":\"refund\",\"amount\":" + amount + ",\"currency\":\""
                + form.getOrDefault("currency", "") + "\",\"payment_intent\":\"" + payment + "\",\"status\":\"";
        if (pends) {
            pending.put(id, new Pending(refund, file, fails, new AtomicInteger()));
            return refund + "pending\"}";
        }
        return refund + (fails ? "failed\",\"failure_reason\":\"expired_or_canceled_card\"" : "succeeded\"") + "}";
    }

    /**
     * {@code GET /v1/refunds/{id}}: a pending refund stays pending for its first checks, then settles (written
     * down when it does); any other refund is not one this simulator follows (404).
     */
    private void check(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().replaceFirst("^/v1/refunds/?", "");
        Pending refund = pending.get(id);
        if (refund == null) {
            SimHttp.reply(exchange, 404, error("invalid_request_error", "resource_missing", "No such refund: '" + id + "'"));
            return;
        }
        int check = refund.checks().incrementAndGet();
        if (check <= PENDING_CHECKS) {
            SimHttp.reply(exchange, 200, refund.json() + "pending\"}");
            return;
        }
        if (check == PENDING_CHECKS + 1) {
            Files.writeString(refund.file(), "Settled: " + Instant.now() + (refund.fails() ? " failed" : " succeeded")
                    + "\n", StandardOpenOption.APPEND);
        }
        SimHttp.reply(exchange, 200, refund.json()
                + (refund.fails() ? "failed\",\"failure_reason\":\"insufficient_funds\"" : "succeeded\"") + "}");
    }

    private static String error(String type, String code, String message) {
        return "{\"error\":{\"type\":\"" + type + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + ",\"message\":\"" + message + "\"}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
