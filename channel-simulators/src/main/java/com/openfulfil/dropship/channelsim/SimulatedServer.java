package com.openfulfil.dropship.channel.simulator;

import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the store simulators share: the JDK's HTTP server on a free loopback port, a store that is down
 * (503 to everything) or answers its next calls 429 with {@code Retry-After}, JSON answers, and the
 * client the simulators send their webhooks with.
 */
final class SimulatedServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final AtomicInteger tooManyLeft = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile boolean down;

    SimulatedServer(Map<String, HttpHandler> contexts) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        contexts.forEach(server::createContext);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void down(boolean down) {
        this.down = down;
    }

    void tooManyRequests(int calls, int seconds) {
        retryAfterSeconds = seconds;
        tooManyLeft.set(calls);
    }

    /** Answers the call 503 while down, or 429 while calls are to be refused so; true when it did. */
    boolean refuse(HttpExchange exchange) throws IOException {
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
            throw new IllegalStateException(e);
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
