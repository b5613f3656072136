package com.openfulfil.dropship.gateway.connector;

import com.openfulfil.dropship.events.Signatures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A supplier's dispatch API on the JDK's HTTP server, the way a careful supplier runs it: a dispatch
 * is taken once per Idempotency-Key, a repeat is answered 200 without taking it again. Answers can be
 * scripted per key: {@code ERROR} (500, nothing taken), {@code SLOW} (taken, but the answer comes
 * after the caller gave up), {@code REFUSE} (422); then {@code OK}.
 */
public final class FakeHttpSupplier implements AutoCloseable {
    public enum Answer { OK, ERROR, SLOW, REFUSE }

    private final HttpServer server;
    private final String secret;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> taken = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
    private volatile List<Answer> firstAnswers = List.of();
    private volatile boolean down;

    public FakeHttpSupplier(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/dispatches", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    /** Every new key first gets these answers, then OK. */
    public FakeHttpSupplier answerEachNewKey(Answer... answers) {
        firstAnswers = List.of(answers);
        return this;
    }

    /** Down: every call is a 500 whatever the script. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Idempotency keys of every call, in arrival order (retries included). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Keys of the dispatches taken, each once. */
    public List<String> taken() {
        return List.copyOf(taken);
    }

    public List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        calls.add(key);
        if (!Signatures.verify(secret, body, exchange.getRequestHeaders().getFirst(Signatures.HEADER))) {
            badSignatures.add(key);
        }
        Answer answer = down ? Answer.ERROR : next(key);
        switch (answer) {
            case ERROR -> respond(exchange, 500);
            case REFUSE -> respond(exchange, 422);
            case SLOW -> {
                taken.add(key);
                awaitClosing();
                respond(exchange, 200);
            }
            case OK -> {
                taken.add(key);
                respond(exchange, 200);
            }
        }
    }

    private Answer next(String key) {
        Deque<Answer> script = scripts.computeIfAbsent(key, k -> new ArrayDeque<>(firstAnswers));
        synchronized (script) {
            return script.isEmpty() ? Answer.OK : script.poll();
        }
    }

    private void awaitClosing() {
        try {
            closing.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
