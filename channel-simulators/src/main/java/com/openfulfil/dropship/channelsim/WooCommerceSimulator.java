package com.openfulfil.dropship.channel.simulator;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WooCommerce store's REST API ({@code /wp-json/wc/v3}) on the JDK's HTTP server, with what
 * channel-gateway uses: an order ({@code GET}/{@code PUT orders/<id>}) and its notes ({@code GET}/{@code POST
 * orders/<id>/notes}), HTTP Basic with the store's REST key. It can be down (503) or answer 429 with
 * Retry-After, and sends its webhooks signed as WooCommerce signs them.
 */
public final class WooCommerceSimulator implements AutoCloseable {
    private static final Pattern ORDER = Pattern.compile("/wp-json/wc/v3/orders/(\\d+)(/notes)?");

    private final SimulatedServer server;
    private final String authorization;
    private final String webhookSecret;
    private final Map<Long, String> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<Long, List<String>> notes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    public WooCommerceSimulator(String consumerKey, String consumerSecret, String webhookSecret) throws IOException {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((consumerKey + ":" + consumerSecret)
                .getBytes(StandardCharsets.UTF_8));
        this.webhookSecret = webhookSecret;
        this.server = new SimulatedServer(Map.of("/wp-json/wc/v3/", this::handle));
    }

    public URI url() {
        return server.url();
    }

    public void addOrder(long id, String status) {
        statuses.put(id, status);
        notes.put(id, Collections.synchronizedList(new ArrayList<>()));
    }

    public String status(long id) {
        return statuses.get(id);
    }

    public List<String> notes(long id) {
        return List.copyOf(notes.get(id));
    }

    /** Every call, as {@code METHOD path}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void down(boolean down) {
        server.down(down);
    }

    public void tooManyRequests(int calls) {
        server.tooManyRequests(calls, 1);
    }

    /** An order webhook of the store, signed with {@code secret}. */
    public HttpResponse<String> sendWebhook(URI url, String topic, String deliveryId, String json, String secret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, body));
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", topic).header("X-WC-Webhook-Resource", "order")
                .header("X-WC-Webhook-Source", url().toString() + "/").header("X-WC-Webhook-Delivery-ID", deliveryId)
                .header("X-WC-Webhook-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return SimulatedServer.send(request);
    }

    public HttpResponse<String> sendWebhook(URI url, String topic, String deliveryId, String json) {
        return sendWebhook(url, topic, deliveryId, json, webhookSecret);
    }

    /** The ping WooCommerce sends when a webhook is saved: form-encoded, unsigned. */
    public HttpResponse<String> ping(URI url) {
        return SimulatedServer.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=17")).build());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            if (server.refuse(exchange)) {
                return;
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Json.mapper().createObjectNode().put("code", "woocommerce_rest_cannot_view"));
                return;
            }
            Matcher matcher = ORDER.matcher(path);
            if (!matcher.matches() || !statuses.containsKey(Long.parseLong(matcher.group(1)))) {
                reply(exchange, 404, Json.mapper().createObjectNode().put("code", "woocommerce_rest_shop_order_invalid_id"));
                return;
            }
            long id = Long.parseLong(matcher.group(1));
            JsonNode request = body.length == 0 ? Json.mapper().nullNode() : Json.mapper().readTree(body);
            boolean notesPath = matcher.group(2) != null;
            switch (exchange.getRequestMethod() + (notesPath ? " notes" : " order")) {
                case "GET notes" -> {
                    ArrayNode list = Json.mapper().createArrayNode();
                    notes(id).forEach(n -> list.addObject().put("note", n).put("customer_note", true));
                    reply(exchange, 200, list);
                }
                case "POST notes" -> {
                    notes.get(id).add(request.path("note").asString());
                    reply(exchange, 201, Json.mapper().createObjectNode().put("note", request.path("note").asString()));
                }
                case "GET order" -> reply(exchange, 200, order(id));
                case "PUT order" -> {
                    statuses.put(id, request.path("status").asString(statuses.get(id)));
                    reply(exchange, 200, order(id));
                }
                default -> reply(exchange, 405, Json.mapper().createObjectNode());
            }
        }
    }

    private ObjectNode order(long id) {
        return Json.mapper().createObjectNode().put("id", id).put("status", statuses.get(id));
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SimulatedServer.reply(exchange, status, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
