package com.openfulfil.dropship.channelsim;

import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the store simulators share: the JDK's HTTP server on a loopback port, a store that is down
 * (503 to everything), that stalls (answers nothing until it is let go), or answers its next calls 429 with
 * {@code Retry-After}, JSON answers, the client
 * the simulators send their webhooks with, and what a simulator received: {@code GET /simulator/received}
 * answers it as JSON, and a listener hears of each call that changed the store, in a sentence.
 */
final class SimulatedServer implements AutoCloseable {
    /** Where a simulator shows what it received (fulfilments, notes, confirmations, stock). */
    static final String RECEIVED = "/simulator/received";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The longest a stalled store keeps a call unanswered, so that a simulator left stalled frees its threads. */
    private static final Duration LONGEST_STALL = Duration.ofMinutes(2);

    private final HttpServer server;
    private final AtomicInteger tooManyLeft = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile boolean down;
    /** Set while the store stalls: calls wait for it to be let go. */
    private volatile CountDownLatch stalled;
    private volatile Consumer<String> listener = line -> { };

    /**
     * Serves {@code contexts} and {@value #RECEIVED} on {@code port} of the loopback address (0: a free one).
     *
     * @param received what {@value #RECEIVED} answers
     */
    SimulatedServer(int port, Map<String, HttpHandler> contexts, Supplier<JsonNode> received) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a store simulator's port " + port, e);
        }
        Map<String, HttpHandler> all = new HashMap<>(contexts);
        all.put(RECEIVED, exchange -> {
            try (exchange) {
                reply(exchange, 200, received.get());
            }
        });
        all.forEach(server::createContext);
        // daemon threads: a simulator left open never keeps a JVM (a launcher, a test run) alive
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "store-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Stalling: each call waits, unanswered, until the store is let go (or {@link #LONGEST_STALL}), then goes on. */
    synchronized void stall(boolean stall) {
        if (stall && stalled == null) {
            stalled = new CountDownLatch(1);
        } else if (!stall && stalled != null) {
            stalled.countDown();
            stalled = null;
        }
    }

    void tooManyRequests(int calls, int seconds) {
        retryAfterSeconds = seconds;
        tooManyLeft.set(calls);
    }

    void listener(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Tells the listener what the store just received. */
    void told(String what) {
        listener.accept(what);
    }

    /**
     * Holds the call while the store stalls; then answers it 503 while down, or 429 while calls are to be refused
     * so; true when it did.
     */
    boolean refuse(HttpExchange exchange) throws IOException {
        CountDownLatch stall = stalled;
        if (stall != null) {
            try {
                stall.await(LONGEST_STALL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            return true;
        }
        if (tooManyLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
            reply(exchange, 429, Json.mapper().createObjectNode().put("message", "Too many requests"));
            return true;
        }
        return false;
    }

    static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Could not deliver to " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
