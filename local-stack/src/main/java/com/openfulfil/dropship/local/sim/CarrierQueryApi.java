package com.openfulfil.dropship.local.sim;

import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import com.openfulfil.dropship.local.DaemonThreads;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The query API of the demo carriers that post no webhooks, as tracking-service's polling
 * connector asks it: {@code GET /carriers/<carrier>/parcels/<trackingNumber>} with
 * {@code Authorization: Bearer <api key>} answers the parcel's checkpoints so far, oldest first,
 * in the webhook's event format (a JSON array); 404 while the carrier has nothing on the parcel,
 * 401 without the key. The carrier simulator adds each checkpoint as the parcel moves.
 */
public final class CarrierQueryApi implements AutoCloseable {
    /** The demo carriers' API key; a real carrier hands one to each shipper. */
    public static final String DEMO_API_KEY = "ck_demo_carrier_api_0123456789";
    private static final String PREFIX = "/carriers/";

    private final int port;
    private final Set<String> carriers;
    private final String apiKey;
    private final Map<String, List<Map<String, Object>>> checkpoints = new ConcurrentHashMap<>();
    private HttpServer server;

    public CarrierQueryApi(int port, Set<String> carriers, String apiKey) {
        this.port = port;
        this.carriers = Set.copyOf(carriers);
        this.apiKey = apiKey;
    }

    /** The URL tracking-service polls for {@code carrier}, with the placeholder it fills in. */
    public static String url(int port, String carrier) {
        return "http://127.0.0.1:" + port + PREFIX + carrier + "/parcels/{trackingNumber}";
    }

    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The carrier query API cannot listen on port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, DaemonThreads.named("carrier-query-api")));
        server.createContext(PREFIX, this::answer);
        server.start();
    }

    /** Whether the parcels of {@code carrier} are followed through this API rather than by webhooks. */
    public boolean serves(String carrier) {
        return carriers.contains(carrier);
    }

    public Set<String> carriers() {
        return carriers;
    }

    public int port() {
        return port;
    }

    /** One more checkpoint of the parcel; one the API already has (same event id) is kept once. */
    void add(Parcel parcel, Map<String, Object> event) {
        List<Map<String, Object>> known = checkpoints.computeIfAbsent(key(parcel.carrier(), parcel.trackingNumber()),
                k -> new ArrayList<>());
        synchronized (known) {
            if (known.stream().noneMatch(e -> e.get("eventId").equals(event.get("eventId")))) {
                known.add(event);
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
            } else if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
            } else {
                List<Map<String, Object>> known = checkpoints.get(parcelKey(exchange.getRequestURI().getPath()));
                byte[] body = known == null ? null : snapshot(known);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        }
    }

    private static byte[] snapshot(List<Map<String, Object>> known) {
        synchronized (known) {
            return known.isEmpty() ? null : Json.mapper().writeValueAsBytes(known);
        }
    }

    private boolean authorised(String header) {
        return header != null && MessageDigest.isEqual(("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code /carriers/<carrier>/parcels/<trackingNumber>} to the parcel's key; an unknown path names no parcel. */
    private String parcelKey(String path) {
        String[] parts = path.substring(PREFIX.length()).split("/");
        return parts.length == 3 && parts[1].equals("parcels") && serves(parts[0]) ? key(parts[0], parts[2]) : "";
    }

    private static String key(String carrier, String trackingNumber) {
        return carrier + "/" + trackingNumber;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
