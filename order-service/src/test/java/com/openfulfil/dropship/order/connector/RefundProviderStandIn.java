package com.openfulfil.dropship.order.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment provider for tests, on a real port, answering {@code POST /v1/refunds} the way Stripe does:
 * a refund per new {@code Idempotency-Key}, and the first answer again for a key it has seen. It records
 * every call, and can be told to lose its first answer for a payment (the refund made, a 500 sent), to
 * refuse a payment's refunds (400), to report them failed, or to answer them {@code pending} and settle them
 * (succeeded or failed) only after {@code GET /v1/refunds/{id}} has found them pending a number of times, or to
 * answer them {@code pending} and then know nothing of them ({@code 404 resource_missing}).
 */
public final class RefundProviderStandIn implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_standin_51Nq";

    /** One call as it arrived. */
    public record Call(String idempotencyKey, String authorization, Map<String, String> form) {
    }

    private record Answer(int status, String json) {
    }

    /** How a payment's refunds stay pending: for this many checks, then settled this way. */
    private record Settling(int pendingChecks, String outcome) {
    }

    /** A refund made pending, and how often it was checked. */
    private record Made(String payment, String amount, String currency, Settling settling, AtomicInteger checks) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> madeByPayment = new ConcurrentHashMap<>();
    private final Set<String> loseFirstAnswer = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> forgetting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    /**
     * Refund ids unique to this stand-in ({@code re_<prefix>_1}, ...), as a real provider's are: tests that
     * share a broker also share {@code orders.commands}, and each one's follower sees the others' refunds.
     */
    private final String prefix = Long.toString(System.nanoTime() & 0xffffffffL, 36);
    private final Map<String, Settling> settling = new ConcurrentHashMap<>();
    private final Map<String, Made> pending = new ConcurrentHashMap<>();

    public RefundProviderStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/refunds", this::refund);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next refund of this payment is made, but its answer is a 500, as if lost on the way. */
    public void loseFirstAnswerFor(String paymentIntent) {
        loseFirstAnswer.add(paymentIntent);
    }

    /** Refunds of this payment are refused: 400 with this error code. */
    public void refuse(String paymentIntent, String code) {
        refusals.put(paymentIntent, code);
    }

    /** Refunds of this payment are made, and fail ({@code status: failed}). */
    public void fail(String paymentIntent) {
        failing.add(paymentIntent);
    }

    /**
     * Refunds of this payment are answered {@code pending}; {@code GET /v1/refunds/{id}} finds one still pending
     * {@code pendingChecks} times, then {@code succeeded}, or {@code failed} with {@code insufficient_funds}.
     */
    public void pendThenSettle(String paymentIntent, int pendingChecks, boolean succeeds) {
        settling.put(paymentIntent, new Settling(pendingChecks, succeeds ? "succeeded" : "failed"));
    }

    /**
     * Refunds of this payment are answered {@code pending}, and then {@code GET /v1/refunds/{id}} answers
     * {@code 404} with the error code {@code resource_missing}, every time, as a provider that lost them would.
     */
    public void pendThenForget(String paymentIntent) {
        settling.put(paymentIntent, new Settling(Integer.MAX_VALUE, "succeeded"));
        forgetting.add(paymentIntent);
    }

    /** How often the refunds of this payment were checked with {@code GET /v1/refunds/{id}}. */
    public int checksFor(String paymentIntent) {
        return pending.values().stream().filter(m -> m.payment().equals(paymentIntent))
                .mapToInt(m -> m.checks().get()).sum();
    }

    public List<Call> callsFor(String paymentIntent) {
        return calls.stream().filter(c -> paymentIntent.equals(c.form().get("payment_intent"))).toList();
    }

    /** How many refunds of this payment were made: the money that moved. */
    public int refundsMadeFor(String paymentIntent) {
        AtomicInteger made = madeByPayment.get(paymentIntent);
        return made == null ? 0 : made.get();
    }

    private void refund(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            check(exchange);
            return;
        }
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(key, authorization, form));
            if (!("Bearer " + SECRET_KEY).equals(authorization)) {
                reply(exchange, new Answer(401, error("authentication_error", null, "Invalid API Key provided")));
                return;
            }
            Answer earlier = key == null ? null : answered.get(key);
            if (earlier != null) {
                reply(exchange, earlier);
                return;
            }
            String payment = form.getOrDefault("payment_intent", "");
            Answer answer = answer(payment, form);
            if (key != null) {
                answered.put(key, answer);
            }
            reply(exchange, loseFirstAnswer.remove(payment) ? new Answer(500, error("api_error", null, "lost")) : answer);
        }
    }

    private Answer answer(String payment, Map<String, String> form) {
        String refused = refusals.get(payment);
        if (refused != null) {
            return new Answer(400, error("invalid_request_error", refused, "Refused by the stand-in."));
        }
        madeByPayment.computeIfAbsent(payment, p -> new AtomicInteger()).incrementAndGet();
        String id = "re_" + prefix + "_" + ids.incrementAndGet();
        Settling later = settling.get(payment);
        if (later != null) {
            pending.put(id, new Made(payment, form.get("amount"), form.get("currency"), later, new AtomicInteger()));
            return refundObject(id, form.get("amount"), form.get("currency"), "pending", null);
        }
        String status = failing.contains(payment) ? "failed" : "succeeded";
        return refundObject(id, form.get("amount"), form.get("currency"), status,
                "failed".equals(status) ? "expired_or_canceled_card" : null);
    }

    /** {@code GET /v1/refunds/{id}}: a refund made pending, pending until checked often enough, then settled. */
    private void check(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + SECRET_KEY).equals(authorization)) {
                reply(exchange, new Answer(401, error("authentication_error", null, "Invalid API Key provided")));
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/v1/refunds/".length());
            Made made = pending.get(id);
            if (made != null && forgetting.contains(made.payment())) {
                made.checks().incrementAndGet();
                made = null;
            }
            if (made == null) {
                reply(exchange, new Answer(404, error("invalid_request_error", "resource_missing",
                        "No such refund: '" + id + "'")));
                return;
            }
            boolean settled = made.checks().incrementAndGet() > made.settling().pendingChecks();
            String status = settled ? made.settling().outcome() : "pending";
            reply(exchange, refundObject(id, made.amount(), made.currency(), status,
                    "failed".equals(status) ? "insufficient_funds" : null));
        }
    }

    private static Answer refundObject(String id, String amount, String currency, String status, String failure) {
        return new Answer(200, "{\"id\":\"" + id + "\",\"object\":\"refund\",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\",\"status\":\"" + status + "\""
                + (failure == null ? "" : ",\"failure_reason\":\"" + failure + "\"") + "}");
    }

    private static String error(String type, String code, String message) {
        return "{\"error\":{\"type\":\"" + type + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + ",\"message\":\"" + message + "\"}}";
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
