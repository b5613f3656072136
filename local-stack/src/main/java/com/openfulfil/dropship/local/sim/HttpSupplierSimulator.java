package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.CancellationRequested;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.SupplierUpdate;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.DaemonThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the suppliers that take their dispatches over HTTP, on one loopback port: supplier-gateway
 * POSTs a dispatch to {@code /<supplierId>/dispatches} and a cancellation to
 * {@code /<supplierId>/dispatches/<dispatchId>/cancel}, signed with the supplier's secret; the
 * supplier answers 202 and then reports back, signed too, on the gateway's
 * {@code POST /api/v1/suppliers/<supplierId>/updates}, exactly as the Kafka suppliers do on their
 * updates topic ({@link SupplierWork}). A repeated dispatch (the same Idempotency-Key) is taken
 * again and changes nothing.
 *
 * <p>It can be made to misbehave, as a real supplier's API does: answer 500 to everything, or take
 * a request and answer only long after the gateway has stopped waiting.
 */
public final class HttpSupplierSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpSupplierSimulator.class);
    private static final Pattern PATH = Pattern.compile("/([a-z0-9][a-z0-9-]*)/dispatches(?:/([^/]+)/cancel)?");
    private static final Duration RETRY_UPDATE_AFTER = Duration.ofSeconds(1);
    private static final Duration HANG_FOR = Duration.ofSeconds(30);

    /** How the supplier's API behaves. */
    public enum Trouble {
        /** answers 202 and does the work */
        NONE,
        /** answers 500 to everything and does nothing */
        ERRORS,
        /** does the work but answers only after {@link #HANG_FOR}, long after the caller gave up */
        TIMEOUTS
    }

    private final URI gateway;
    private final Function<String, String> secretOf;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, DaemonThreads.named("http-supplier"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("http-supplier-timer"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final EventSerde serde = new EventSerde();
    private final SupplierWork work;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private volatile Trouble trouble = Trouble.NONE;
    private volatile boolean running = true;

    /**
     * @param port     the loopback port to listen on
     * @param gateway  supplier-gateway's base URL, where updates are POSTed
     * @param secretOf each supplier's HMAC secret, shared with the gateway
     */
    public HttpSupplierSimulator(int port, URI gateway, Function<String, String> secretOf,
                                 SupplierSimulator.Settings settings, SupplierSimulator.CarrierDesk carriers) {
        this.gateway = gateway;
        this.secretOf = secretOf;
        this.work = new SupplierWork(settings, carriers, new HttpOutbox(), this::schedule);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + " for the HTTP suppliers", e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
    }

    /** The base URL supplier-gateway is given for one supplier. */
    public static URI baseUrl(int port, String supplierId) {
        return URI.create("http://127.0.0.1:" + port + "/" + supplierId);
    }

    public void start() {
        server.start();
    }

    /** From now on the API behaves this way, until told otherwise. */
    public void trouble(Trouble trouble) {
        this.trouble = trouble;
        log.info("HTTP suppliers now answer with trouble: {}", trouble);
    }

    public Trouble trouble() {
        return trouble;
    }

    /** Requests received so far, those answered 500, and those answered only after the caller gave up. */
    public long received() {
        return received.get();
    }

    public long failed() {
        return failed.get();
    }

    public long answeredLate() {
        return late.get();
    }

    private void handle(HttpExchange exchange) {
        boolean heldOpen = false;
        try {
            heldOpen = respond(exchange);
        } catch (IOException | RuntimeException e) {
            log.warn("HTTP supplier could not answer {}: {}", exchange.getRequestURI(), e.toString());
        } finally {
            if (!heldOpen) {
                exchange.close();
            }
        }
    }

    /** Answers the request, or leaves it to be answered later: then returns true. */
    private boolean respond(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.incrementAndGet();
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
            answer(exchange, 404, "{\"error\":\"no such resource\"}");
            return false;
        }
        String supplierId = path.group(1);
        String signature = exchange.getRequestHeaders().getFirst(Signatures.HEADER);
        if (!Signatures.verify(secretOf.apply(supplierId), body, signature)) {
            answer(exchange, 401, "{\"error\":\"bad signature\"}");
            return false;
        }
        Trouble now = trouble;
        if (now == Trouble.ERRORS) {
            failed.incrementAndGet();
            answer(exchange, 500, "{\"error\":\"simulated outage\"}");
            return false;
        }
        Event event;
        try {
            event = serde.deserialize(Topics.supplierDispatch(supplierId).name(), body);
        } catch (RuntimeException e) {
            answer(exchange, 400, "{\"error\":\"not a dispatch message\"}");
            return false;
        }
        if (event instanceof DispatchRequested dispatch && path.group(2) == null) {
            work.dispatch(dispatch, () -> { });
        } else if (event instanceof CancellationRequested cancel && cancel.dispatchId().equals(path.group(2))) {
            work.cancel(cancel, () -> { });
        } else {
            answer(exchange, 422, "{\"error\":\"unexpected message for this resource\"}");
            return false;
        }
        if (now == Trouble.TIMEOUTS) {
            late.incrementAndGet();
            answerLater(exchange);
            return true;
        }
        answer(exchange, 202, "{\"received\":true}");
        return false;
    }

    /** Keeps the caller waiting; the exchange is answered (into a closed connection, as a rule) later. */
    private void answerLater(HttpExchange exchange) {
        schedule(HANG_FOR, () -> {
            try (exchange) {
                answer(exchange, 202, "{\"received\":true}");
            } catch (IOException e) {
                // the caller gave up long ago
            }
        });
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void schedule(Duration delay, Runnable task) {
        if (!running) {
            return;
        }
        try {
            timer.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("HTTP supplier step failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    @Override
    public void close() {
        running = false;
        server.stop(0);
        timer.shutdownNow();
        handlers.shutdownNow();
    }

    /** Updates go to the gateway's signed HTTP API, each retried until it is taken. */
    private final class HttpOutbox implements SupplierWork.Outbox {
        @Override
        public void send(String supplierId, String orderId, SupplierUpdate update, Runnable then) {
            if (!running) {
                return;
            }
            byte[] body = serde.serialize(Topics.supplierUpdates(supplierId).name(), update);
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/suppliers/" + supplierId + "/updates"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(Signatures.HEADER, Signatures.sign(secretOf.apply(supplierId), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() / 100 == 2) {
                    then.run();
                } else {
                    log.warn("The gateway did not take {} for dispatch {} ({}); retrying",
                            update.getClass().getSimpleName(), update.dispatchId(),
                            error != null ? error.toString() : response.statusCode() + " " + response.body());
                    schedule(RETRY_UPDATE_AFTER, () -> send(supplierId, orderId, update, then));
                }
            });
        }

        @Override
        public boolean keepsOrder() {
            return false;
        }
    }
}
