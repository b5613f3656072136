package com.openfulfil.dropship.local.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A text-message provider with the common REST shape, for the local stack: it takes
 * {@code POST /2010-04-01/Accounts/<account>/Messages.json} (form fields To, From, Body; HTTP Basic with
 * the account and token; 401 otherwise) and writes each message to {@code <mailbox>/sms/<id>.txt} beside
 * the e-mails, where {@code <id>} is the request's Idempotency-Key (the notification) when it sends one.
 */
public final class SmsProviderSimulator implements AutoCloseable {
    public static final String ACCOUNT = "AC_demo";
    public static final String TOKEN = "sms_demo_token";
    public static final String FROM = "+15005550006";

    private final HttpServer server;
    private final Path folder;
    private final String authorization;
    private final AtomicLong sent = new AtomicLong();

    /** Binds a free port now; {@link #start} serves it. */
    public SmsProviderSimulator(Path mailbox) {
        this.folder = mailbox.resolve("sms");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        server = SimHttp.server(0, "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", this::message, "sms-provider",
                "text-message simulator");
    }

    public void start() {
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The tracking-service arguments that send the demo shop's text messages here. */
    public java.util.List<String> serviceArgs() {
        return java.util.List.of("--dropship.tracking.sms.enabled=true",
                "--dropship.tracking.sms.provider-url=" + url(),
                "--dropship.tracking.sms.account-sid=" + ACCOUNT,
                "--dropship.tracking.sms.auth-token=" + TOKEN,
                "--dropship.tracking.sms.from=" + FROM,
                "--dropship.tracking.sms.stores.demo-shop=PARCEL_SHIPPED,PARCEL_DELAYED,ORDER_DELIVERED");
    }

    public long sent() {
        return sent.get();
    }

    private void message(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Map<String, String> form = SimHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (form.get("To") == null || form.get("Body") == null) {
                SimHttp.reply(exchange, 400, "{\"code\":21604,\"message\":\"A 'To' phone number and a 'Body' are required.\"}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = key != null && key.matches("[A-Za-z0-9-]{1,64}") ? key : "SM" + sent.get();
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(id + ".txt"), "Date: " + Instant.now() + "\nFrom: " + form.get("From")
                    + "\nTo: " + form.get("To") + "\n\n" + form.get("Body") + "\n");
            sent.incrementAndGet();
            SimHttp.reply(exchange, 201, "{\"sid\":\"SM" + id.replace("-", "") + "\",\"status\":\"queued\"}");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
