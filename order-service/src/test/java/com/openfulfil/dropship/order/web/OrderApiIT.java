package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.model.Checkpoint;
import com.openfulfil.dropship.events.model.Deduction;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.PartnerStatus;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.model.ShippedParcel;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.partner.CommissionEarned;
import com.openfulfil.dropship.events.partner.PartnerUpdated;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.supplier.DispatchCancelled;
import com.openfulfil.dropship.events.supplier.DispatchSent;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.supplier.SupplierAccepted;
import com.openfulfil.dropship.events.supplier.SupplierRejected;
import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.events.tracking.ParcelStatusChanged;
import com.openfulfil.dropship.order.connector.RefundProviderStandIn;
import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.testing.DocumentedEndpoints;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.RouteLocks;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order API over real HTTP, with a real broker behind it. Its application is closed after the class:
 * its refund connectors read orders.commands on the broker the other integration tests share, and must
 * not pay or follow up their refunds against this class's payment stand-in.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dropship.order.storefronts[0].id=shop-a",
        "dropship.order.storefronts[0].name=Shop A",
        "dropship.order.storefronts[0].api-key-sha256=" + OrderApiIT.SHOP_A_HASH,
        "dropship.order.storefronts[0].shopify-domain=shop-a.myshopify.com",
        "dropship.order.storefronts[0].shopify-secret=" + OrderApiIT.SHOPIFY_SECRET,
        "dropship.order.storefronts[1].id=shop-b",
        "dropship.order.storefronts[1].name=Shop B",
        "dropship.order.storefronts[1].api-key-sha256=" + OrderApiIT.SHOP_B_HASH,
        "dropship.order.admin-key-sha256=" + OrderApiIT.ADMIN_HASH,
        "dropship.order.storefronts[2].id=shop-c",
        "dropship.order.storefronts[2].name=Shop C",
        "dropship.order.storefronts[2].api-key-sha256=" + OrderApiIT.SHOP_C_HASH,
        "resilience4j.ratelimiter.instances.api-key-storefront-shop-c.limit-for-period=3",
        "resilience4j.ratelimiter.instances.api-key-storefront-shop-c.limit-refresh-period=1h",
        "resilience4j.ratelimiter.instances.api-key-storefront-shop-c.timeout-duration=0",
        "dropship.order.storefronts[3].id=shop-d",
        "dropship.order.storefronts[3].name=Shop D",
        "dropship.order.storefronts[3].api-key-sha256=" + OrderApiIT.SHOP_D_HASH,
        "dropship.order.webhooks.retry-initial=100ms",
        "dropship.order.refunds.secret-key=" + RefundProviderStandIn.SECRET_KEY,
        "resilience4j.retry.instances.refunds.wait-duration=100ms",
        "dropship.order.refunds.pending-check-initial=100ms",
        "dropship.order.refunds.pending-check-max=200ms",
        "dropship.order.max-body-bytes=4096"})
class OrderApiIT extends KafkaIntegrationTest {
    static final String SHOP_A = "sk_shop_a";
    static final String SHOP_A_HASH = "5ed3335774263ba1ef21965c4c93f420661b47e9230eeb832da96cf8e2010a3a";
    static final String SHOP_B = "sk_shop_b";
    static final String SHOP_B_HASH = "c669adfb46f0a14dab45c01b9392d6968dcb1754de8ba018102284ab6ca769d3";
    static final String SHOPIFY_SECRET = "shpss_shop_a_client_secret";
    static final String SHOP_C = "sk_shop_c";
    static final String SHOP_C_HASH = "9bc6b18e414732e0420b4024bcc7d83a9795767e7056326dacb226712070fe2a";
    static final String SHOP_D = "sk_shop_d";
    static final String SHOP_D_HASH = "076ea6bc6ef1d244ca2a098289fd64a014db57c89c7b3065819a67a40e2e072e";
    static final String ADMIN = "ak_admin";
    static final String ADMIN_HASH = "187f3586623cdd7c93e1b7e7a3ce41f93c2498ab96e1a66929b4c07689e7f096";
    static final String PARTNER = "pk_partner-lan_s3cret";
    static final String REVOKED_PARTNER = "pk_partner-old_s3cret";

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    /** The payment provider refunds are paid through: a real HTTP server shaped like Stripe's refund API. */
    private static final RefundProviderStandIn PROVIDER = new RefundProviderStandIn();

    @DynamicPropertySource
    static void paymentProvider(DynamicPropertyRegistry registry) {
        registry.add("dropship.order.refunds.provider-url", PROVIDER::url);
    }
    private final HttpClient http = HttpClient.newHttpClient();
    private final EventSerde serde = new EventSerde();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    ApplicationContext context;

    /** What anyone may call without credentials; every other route answers 401 (docs/security.md). */
    private static final RouteLocks PUBLIC = RouteLocks.healthAndMetricsArePublic()
            .allow("GET /v3/api-docs", "the OpenAPI description of the API, for integrators")
            .allow("GET /v3/api-docs/swagger-config", "the API documentation page's settings")
            .allow("GET /swagger-ui.html", "the API documentation page")
            .allow("POST /webhooks/shopify/orders-create", "Shopify's order webhook, signed with the shop's secret");

    @Autowired
    com.openfulfil.dropship.support.streams.StoreQueries stores;

    @BeforeEach
    void catalogAndPartners() {
        await().atMost(Duration.ofSeconds(60)).until(() -> stores.isQueryable("orders"));
        if (directory.product("MUG-001").isPresent()) {
            return;
        }
        publish(Topics.CATALOG_PRODUCTS, "MUG-001", product("MUG-001", "12.50", "USD", true));
        publish(Topics.CATALOG_PRODUCTS, "LAMP-010", product("LAMP-010", "39.00", "USD", true));
        publish(Topics.CATALOG_PRODUCTS, "VASE-404", product("VASE-404", "25.00", "USD", false));
        publish(Topics.CATALOG_PRODUCTS, "LACQUER-3", product("LACQUER-3", "250000", "VND", true));
        publish(Topics.PARTNERS, "partner-lan", new PartnerUpdated("p1", T, "partner-lan", "Nguyễn Thị Lan",
                "lan@example.vn", PartnerStatus.GRANTED, ApiKeys.sha256Hex(PARTNER)));
        publish(Topics.PARTNERS, "partner-old", new PartnerUpdated("p2", T, "partner-old", "Old Partner",
                "old@example.vn", PartnerStatus.REVOKED, ApiKeys.sha256Hex(REVOKED_PARTNER)));
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.product("LACQUER-3").isPresent()
                && directory.partner("partner-old").isPresent());
    }

    @Test
    void everyRouteButThePublicOnesRefusesACallerWithoutCredentials() {
        assertThat(RouteLocks.mapped(context)).contains("GET /internal/v1/orders", "POST /api/v1/admin/orders/{orderId}/refund",
                "PUT /api/v1/webhook");
        PUBLIC.check(context, port);
    }

    @Test
    void healthShowsItsDetailsOnlyToACallerWithAKey() {
        Response anyone = get("/actuator/health", null);
        assertThat(anyone.json().has("status")).isTrue();
        assertThat(anyone.json().has("components")).as("the status alone").isFalse();
        assertThat(get("/actuator/health", SHOP_A).json().at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness", null).status()).as("the probe").isEqualTo(200);
        assertThat(get("/actuator/info", null).status()).isEqualTo(401);
        assertThat(get("/actuator/info", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void eachKeyHasItsOwnRequestBudget() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/orders/nope", SHOP_C).status()).isEqualTo(404);
        }
        Response over = get("/api/v1/orders/nope", SHOP_C);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.retryAfter()).isEqualTo("3600");
        assertThat(over.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(get("/api/v1/orders/nope", SHOP_A).status()).as("other keys are not slowed").isEqualTo(404);
    }

    @Test
    void requestsAreTimedOnceNotPerSecurityFilter() {
        assertThat(get("/api/v1/orders/nope", SHOP_A).status()).isEqualTo(404);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        assertThat(meters.find("http.server.requests").timers()).as("every answer is still timed").isNotEmpty();
        assertThat(meters.getMeters()).as("no span per security filter").noneMatch(m -> m.getId().getName()
                .startsWith("spring.security."));
    }

    @Test
    void bodiesOverTheLimitAreRefused() {
        String big = order("MUG-001", 1).replace("Leave at the door", "x".repeat(5000));
        Response r = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Response docs = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/v1/orders")).isTrue();
        assertThat(docs.json().at("/paths").has("/api/v1/partner-orders")).isTrue();
        Response ui = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html")).build());
        assertThat(ui.status()).isIn(200, 302);
    }

    @Test
    void theApiDocsArePublicAndHaveEveryEndpointTheDocsName() {
        DocumentedEndpoints documented = DocumentedEndpoints.of("order-service", 8081);
        assertThat(documented.endpoints()).contains("POST /api/v1/orders", "POST /api/v1/admin/orders/{}/returns/received",
                "DELETE /api/v1/webhook", "POST /webhooks/shopify/orders-create");
        documented.checkPublishedAt(port);
    }

    @Test
    void theTestKeysMatchTheirHashes() {
        assertThat(ApiKeys.sha256Hex(SHOP_C)).isEqualTo(SHOP_C_HASH);
        assertThat(ApiKeys.sha256Hex(SHOP_A)).isEqualTo(SHOP_A_HASH);
        assertThat(ApiKeys.sha256Hex(SHOP_B)).isEqualTo(SHOP_B_HASH);
        assertThat(ApiKeys.sha256Hex(ADMIN)).isEqualTo(ADMIN_HASH);
        assertThat(ApiKeys.sha256Hex(SHOP_D)).isEqualTo(SHOP_D_HASH);
    }

    @Test
    void placesAnOrderAndAnswersARetryWithTheSameOrder() {
        String key = UUID.randomUUID().toString();
        String body = order("MUG-001", 2);
        Response first = post("/api/v1/orders", SHOP_A, key, body);
        assertThat(first.status()).isEqualTo(202);
        String orderId = first.json().get("orderId").asString();
        assertThat(first.json().get("status").asString()).isEqualTo("PLACED");
        assertThat(first.location()).isEqualTo("/api/v1/orders/" + orderId);

        Response retry = post("/api/v1/orders", SHOP_A, key, body);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("orderId").asString()).isEqualTo(orderId);

        Response reused = post("/api/v1/orders", SHOP_A, key, body.replace("\"quantity\":2", "\"quantity\":3"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");

        Response view = get("/api/v1/orders/" + orderId, SHOP_A);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("status").asString()).isEqualTo("PLACED");
        assertThat(view.json().at("/lines/0/retailPrice").asString()).isEqualTo("12.50");
        assertThat(view.json().get("total").asString()).isEqualTo("25.00");
    }

    @Test
    void fiftyConcurrentIdenticalPostsCreateOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = order("LAMP-010", 1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Response> call = () -> post("/api/v1/orders", SHOP_A, key, body);
            answers.add(pool.submit(call));
        }
        Set<String> ids = new HashSet<>();
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            assertThat(r.status()).isEqualTo(202);
            ids.add(r.json().get("orderId").asString());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        String orderId = ids.iterator().next();
        try (TopicReader lifecycle = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_LIFECYCLE.name())) {
            lifecycle.until(Duration.ofSeconds(30), seen -> seen.stream().anyMatch(r -> r.key().equals(orderId)));
            // anything more would arrive within a commit interval; wait for the store to agree before counting
            await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/orders/" + orderId, SHOP_A).status() == 200);
            assertThat(lifecycle.valuesOf(OrderStatusChanged.class).stream()
                    .filter(c -> c.orderId().equals(orderId) && c.to() == OrderStatus.PLACED)).hasSize(1);
        }
    }

    @Test
    void namesEveryBadField() {
        String body = """
                {"externalRef":"bad-1","currency":"usd","customer":{"name":"","email":"not-an-email"},
                 "shipTo":{"line1":"1 Street","city":"London","country":"XX"},
                 "lines":[{"sku":"MUG-001","quantity":0}],"paymentStatus":"PAID"}""";
        // every problem in one answer, so the storefront can fix them all at once
        Response r = post("/api/v1/orders", SHOP_A, null, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactlyInAnyOrder("currency", "customer.name", "customer.email", "lines[0].quantity",
                "shipTo.country");
    }

    @Test
    void refusesFieldsTheServerOwns() {
        String body = order("MUG-001", 1).replace("\"currency\"", "\"status\":\"COMPLETED\",\"currency\"");
        Response r = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("status");
    }

    @Test
    void refusesProductsThatCannotBeOrdered() {
        Response r = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(),
                """
                {"externalRef":"x","currency":"USD","customer":{"name":"Ada","email":"ada@example.com"},
                 "shipTo":{"line1":"1 Street","city":"London","country":"GB"},"paymentStatus":"PAID",
                 "lines":[{"sku":"NOPE-1","quantity":1},{"sku":"VASE-404","quantity":1},{"sku":"LACQUER-3","quantity":1}]}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r)).containsExactly("lines[0].sku", "lines[1].sku", "lines[2].sku");
        assertThat(r.body()).contains("out of stock").contains("priced in VND");
    }

    @Test
    void aPartnerSellsAtOrAboveThePriceNeverBelow() {
        Response below = post("/api/v1/partner-orders", PARTNER, UUID.randomUUID().toString(), partnerOrder("12.49"));
        assertThat(below.status()).isEqualTo(422);
        assertThat(below.json().get("title").asString()).isEqualTo("Selling price cannot be lower than the product's price");
        assertThat(fields(below)).containsExactly("lines[0].salePrice");

        Response equal = post("/api/v1/partner-orders", PARTNER, UUID.randomUUID().toString(), partnerOrder("12.50"));
        assertThat(equal.status()).isEqualTo(202);

        Response higher = post("/api/v1/partner-orders", PARTNER, UUID.randomUUID().toString(), partnerOrder("15.00"));
        assertThat(higher.status()).isEqualTo(202);
        JsonNode view = get("/api/v1/orders/" + higher.json().get("orderId").asString(), PARTNER).json();
        assertThat(view.at("/commission/state").asString()).isEqualTo("PENDING");
        assertThat(view.at("/commission/gross").asString()).isEqualTo("5.00");
        assertThat(view.at("/source/partnerName").asString()).isEqualTo("Nguyễn Thị Lan");
    }

    @Test
    void onlyTheRightKeysGetIn() {
        assertThat(post("/api/v1/orders", null, null, order("MUG-001", 1)).status()).isEqualTo(401);
        assertThat(post("/api/v1/orders", "sk_wrong", null, order("MUG-001", 1)).status()).isEqualTo(401);
        assertThat(post("/api/v1/partner-orders", SHOP_A, null, partnerOrder("15.00")).status()).isEqualTo(403);
        Response revoked = post("/api/v1/partner-orders", REVOKED_PARTNER, null, partnerOrder("15.00"));
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.body()).contains("revoked");

        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 1))
                .json().get("orderId").asString();
        assertThat(get("/api/v1/orders/" + orderId, SHOP_B).status()).as("another storefront's order").isEqualTo(404);
        assertThat(get("/api/v1/orders/" + orderId, PARTNER).status()).isEqualTo(404);
        assertThat(get("/api/v1/orders/" + orderId, ADMIN).status()).isEqualTo(200);
    }

    @Test
    void followsAPartnerOrderToCompletionAndShowsItsCommission() {
        String orderId = post("/api/v1/partner-orders", PARTNER, UUID.randomUUID().toString(), partnerOrder("15.00"))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");

        Response early = post("/api/v1/admin/orders/" + orderId + "/complete", ADMIN, null, "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("status").asString()).isEqualTo("PLACED");

        var order = get("/api/v1/orders/" + orderId, ADMIN);
        assertThat(order.status()).isEqualTo(200);
        publish(Topics.ORDER_ALLOCATIONS, orderId, new StockAllocated("a-" + orderId, T, orderId, null,
                List.of(new LineAllocation(1, "MUG-001", 2, new OfferRef("hanoi-crafts", "HN-1", new BigDecimal("4.20"),
                        new BigDecimal("1.80"), "USD", 2, 1), List.of()))));
        publish(Topics.FULFILMENT_EVENTS, orderId, new DispatchSent("d-" + orderId, T, orderId, "dsp-1", "hanoi-crafts", List.of()));
        publish(Topics.FULFILMENT_EVENTS, orderId, new SupplierAccepted("ac-" + orderId, T, orderId, "dsp-1", "hanoi-crafts"));
        publish(Topics.FULFILMENT_EVENTS, orderId, new ParcelsShipped("sh-" + orderId, T, orderId, "dsp-1", "hanoi-crafts",
                "VNPOST", List.of("VN0001")));
        publish(Topics.TRACKING_EVENTS, orderId, new ParcelStatusChanged("tr-" + orderId, T, orderId, "dsp-1", "VN0001",
                "VNPOST", ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "Hà Nội", "Delivered", "DELIVERED")));
        awaitStatus(orderId, "DELIVERED");

        assertThat(post("/api/v1/orders/" + orderId + "/confirm-receipt", SHOP_A, null, "{\"rating\":5}").status())
                .as("a storefront cannot act on a partner's order").isEqualTo(404);
        assertThat(post("/api/v1/admin/orders/" + orderId + "/complete", PARTNER, null, "").status()).isEqualTo(403);
        assertThat(post("/api/v1/admin/orders/" + orderId + "/complete", ADMIN, null, "").status()).isEqualTo(202);
        awaitStatus(orderId, "COMPLETED");

        publish(Topics.COMMISSIONS_LEDGER, "partner-lan", new CommissionEarned("ce-" + orderId, T, orderId, "partner-lan",
                "Nguyễn Thị Lan", "USD", new BigDecimal("5.00"),
                List.of(new Deduction("PIT", "Personal income tax (withheld)", new BigDecimal("0.10"), null, new BigDecimal("0.50"))),
                new BigDecimal("4.50")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "EARNED".equals(get("/api/v1/orders/" + orderId, PARTNER).json().at("/commission/state").asString()));
        JsonNode view = get("/api/v1/orders/" + orderId, PARTNER).json();
        assertThat(view.at("/commission/total").asString()).isEqualTo("4.50");
        assertThat(view.at("/commission/deductions/0/code").asString()).isEqualTo("PIT");
        assertThat(view.get("history")).extracting(h -> h.get("status").asString())
                .containsExactly("PLACED", "CONFIRMED", "DISPATCHED", "ACCEPTED", "SHIPPED", "DELIVERED", "COMPLETED");
        assertThat(view.at("/fulfilments/0/parcels/0/trackingNumber").asString()).isEqualTo("VN0001");
    }

    /** The order's lines say how many units were ordered, shipped and delivered; each parcel what it holds. */
    @Test
    void aPartlyShippedOrderShowsEachLinesUnitsAndWhatEachParcelHolds() {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 2))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        publish(Topics.ORDER_ALLOCATIONS, orderId, new StockAllocated("a-" + orderId, T, orderId, null,
                List.of(new LineAllocation(1, "MUG-001", 2, new OfferRef("hanoi-crafts", "HN-1", new BigDecimal("4.20"),
                        new BigDecimal("1.80"), "USD", 2, 1), List.of()))));
        publish(Topics.FULFILMENT_EVENTS, orderId, new DispatchSent("d-" + orderId, T, orderId, "dsp-u", "hanoi-crafts",
                List.of(new DispatchItem(1, "MUG-001", "HN-1", "Ceramic mug 350 ml", 2, new BigDecimal("4.20")))));
        publish(Topics.FULFILMENT_EVENTS, orderId, new ParcelsShipped("sh-1-" + orderId, T, orderId, "dsp-u",
                "hanoi-crafts", "VNPOST", List.of("VNU1"), List.of(new ShippedParcel("VNU1",
                List.of(new ParcelItem(1, "MUG-001", 1, "Ceramic mug 350 ml"))))));
        awaitStatus(orderId, "PARTIALLY_SHIPPED");

        JsonNode partly = get("/api/v1/orders/" + orderId, SHOP_A).json();
        assertThat(partly.at("/lines/0/quantity").asInt()).isEqualTo(2);
        assertThat(partly.at("/lines/0/shipped").asInt()).isEqualTo(1);
        assertThat(partly.at("/lines/0/delivered").asInt()).isZero();
        assertThat(partly.at("/lines/0/returned").asInt()).isZero();
        assertThat(partly.at("/fulfilments/0/parcels/0/items/0/quantity").asInt()).isEqualTo(1);

        publish(Topics.TRACKING_EVENTS, orderId, new ParcelStatusChanged("tr-1-" + orderId, T, orderId, "dsp-u", "VNU1",
                "VNPOST", ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "London", "Delivered", "DELIVERED")));
        awaitStatus(orderId, "PARTIALLY_DELIVERED");
        assertThat(post("/api/v1/orders/" + orderId + "/confirm-receipt", SHOP_A, null, "{\"rating\":5}").status())
                .as("not every unit has arrived").isEqualTo(409);

        publish(Topics.FULFILMENT_EVENTS, orderId, new ParcelsShipped("sh-2-" + orderId, T, orderId, "dsp-u",
                "hanoi-crafts", "VNPOST", List.of("VNU2")));
        publish(Topics.TRACKING_EVENTS, orderId, new ParcelStatusChanged("tr-2-" + orderId, T, orderId, "dsp-u", "VNU2",
                "VNPOST", ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "London", "Delivered", "DELIVERED")));
        awaitStatus(orderId, "DELIVERED");
        JsonNode delivered = get("/api/v1/orders/" + orderId, SHOP_A).json();
        assertThat(delivered.at("/lines/0/shipped").asInt()).isEqualTo(2);
        assertThat(delivered.at("/lines/0/delivered").asInt()).isEqualTo(2);
        assertThat(delivered.get("history")).extracting(h -> h.get("status").asString()).containsExactly("PLACED",
                "CONFIRMED", "DISPATCHED", "PARTIALLY_SHIPPED", "PARTIALLY_DELIVERED", "DELIVERED");
    }

    @Test
    void aStorefrontConfirmsReceiptOnlyOnceDelivered() {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 1))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        Response early = post("/api/v1/orders/" + orderId + "/confirm-receipt", SHOP_A, null, "{\"rating\":5}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("status").asString()).isEqualTo("PLACED");
        assertThat(post("/api/v1/orders/" + orderId + "/confirm-receipt", SHOP_A, null, "{\"rating\":9}").status())
                .isEqualTo(400);
        assertThat(post("/api/v1/orders/" + orderId + "/cancel", SHOP_A, null, "{\"reason\":\"changed my mind\"}").status())
                .isEqualTo(202);
        awaitStatus(orderId, "CANCELLED");
    }

    @Test
    void aShopifyOrderBecomesOurOrderOnceWhateverShopifyRepeats() throws Exception {
        byte[] payload = shopifyPayload();
        Response first = shopify(payload, sign(payload), "webhook-1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("accepted").asBoolean()).isTrue();
        String orderId = first.json().get("orderId").asString();

        Response again = shopify(payload, sign(payload), "webhook-1");
        assertThat(again.json().get("orderId").asString()).isEqualTo(orderId);
        assertThat(again.json().get("reason").asString()).isEqualTo("already received");

        awaitStatus(orderId, "PLACED");
        JsonNode order = get("/api/v1/orders/" + orderId, SHOP_A).json();
        assertThat(order.at("/source/channel").asString()).isEqualTo("SHOPIFY");
        assertThat(order.at("/source/externalRef").asString()).isEqualTo("#1001");
        assertThat(order.get("lines")).as("the gift card and the product we do not carry stay with the store")
                .extracting(l -> l.get("sku").asString() + " x" + l.get("quantity").asInt()).containsExactly("MUG-001 x2");
        assertThat(order.get("priority").asString()).as("the Express shipping line").isEqualTo("EXPEDITED");
        assertThat(order.at("/requests/giftWrap").asBoolean()).isTrue();
        assertThat(order.at("/requests/invoice").asBoolean()).isTrue();
        assertThat(order.at("/requests/note").asString()).isEqualTo("Leave with the concierge");
        assertThat(order.at("/customer/name").asString()).isEqualTo("Ada Lovelace");
        assertThat(order.at("/customer/locale").asString()).isEqualTo("en-GB");
        assertThat(order.at("/shipTo/line2").asString()).isEqualTo("Flat 2");
        try (TopicReader lifecycle = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_LIFECYCLE.name())) {
            lifecycle.until(Duration.ofSeconds(30), seen -> seen.stream().anyMatch(r -> r.key().equals(orderId)));
            assertThat(lifecycle.valuesOf(OrderStatusChanged.class).stream().filter(c -> c.orderId().equals(orderId)))
                    .hasSize(1);
        }
    }

    @Test
    void aShopifyWebhookWithABadSignatureIsRefusedAndCreatesNothing() throws Exception {
        byte[] payload = shopifyPayload("5940139499999", "#1099", "paid");
        Response forged = shopify(payload, sign("{}".getBytes(StandardCharsets.UTF_8)), "webhook-forged");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(shopify(payload, null, "webhook-unsigned").status()).isEqualTo(401);

        // the order the signed delivery would have created does not exist
        Response signed = shopify(payload, sign(payload), "webhook-signed");
        String orderId = signed.json().get("orderId").asString();
        try (TopicReader placed = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.ORDERS_PLACED.name())) {
            placed.until(Duration.ofSeconds(30), seen -> seen.stream().anyMatch(r -> r.key().equals(orderId)));
            assertThat(placed.until(Duration.ofSeconds(1), seen -> true).stream().filter(r -> r.key().equals(orderId)))
                    .as("only the signed delivery placed it").hasSize(1);
        }
    }

    @Test
    void anUnpaidShopifyOrderIsAnsweredButNotTaken() throws Exception {
        byte[] payload = shopifyPayload("5940139488888", "#1088", "pending");
        Response r = shopify(payload, sign(payload), "webhook-pending");
        assertThat(r.status()).as("Shopify must not retry it").isEqualTo(200);
        assertThat(r.json().get("accepted").asBoolean()).isFalse();
        assertThat(r.json().get("reason").asString()).contains("not paid");
    }

    private static byte[] shopifyPayload() throws IOException {
        try (InputStream in = OrderApiIT.class.getResourceAsStream("/shopify/orders-create.json")) {
            return in.readAllBytes();
        }
    }

    private static byte[] shopifyPayload(String id, String name, String financialStatus) throws IOException {
        return new String(shopifyPayload(), StandardCharsets.UTF_8).replace("5940139491234", id)
                .replace("\"#1001\"", "\"" + name + "\"").replace("\"financial_status\": \"paid\"",
                        "\"financial_status\": \"" + financialStatus + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(SHOPIFY_SECRET, body));
    }

    private Response shopify(byte[] payload, String hmac, String webhookId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/webhooks/shopify/orders-create"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", "shop-a.myshopify.com")
                .header("X-Shopify-Webhook-Id", webhookId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (hmac != null) {
            request.header("X-Shopify-Hmac-Sha256", hmac);
        }
        return send(request.build());
    }

    @Test
    void aDispatchedOrderIsCancelledThroughItsSupplier() {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 1))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        allocateAndDispatch(orderId, "dsp-c");
        awaitStatus(orderId, "DISPATCHED");

        assertThat(post("/api/v1/orders/" + orderId + "/cancel", SHOP_A, null, "{\"reason\":\"found it cheaper\"}").status())
                .isEqualTo(202);
        awaitStatus(orderId, "CANCELLING");
        publish(Topics.FULFILMENT_EVENTS, orderId, new DispatchCancelled("dc-" + orderId, T, orderId, "dsp-c", "hanoi-crafts"));
        awaitStatus(orderId, "CANCELLED");
    }

    @Test
    void opsChangeTheAddressBeforeTheStockIsReservedAndAreRefusedWithTheStateAfter() {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 1))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        String moved = """
                {"shipTo":{"line1":"9 Other Road","city":"Leeds","postalCode":"LS1 4AP","country":"GB"}}""";

        Response bad = post("/api/v1/admin/orders/" + orderId + "/address", ADMIN, null,
                "{\"shipTo\":{\"line1\":\"\",\"city\":\"Leeds\",\"country\":\"gb\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(fields(bad)).containsExactlyInAnyOrder("shipTo.line1", "shipTo.country");
        assertThat(post("/api/v1/admin/orders/" + orderId + "/address", SHOP_A, null, moved).status())
                .as("ops' to do").isEqualTo(403);

        assertThat(post("/api/v1/admin/orders/" + orderId + "/address", ADMIN, null, moved).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json().at("/shipTo/city").asString()).isEqualTo("Leeds"));

        allocateAndDispatch(orderId, "dsp-a");
        awaitStatus(orderId, "DISPATCHED");
        Response late = post("/api/v1/admin/orders/" + orderId + "/address", ADMIN, null, moved.replace("Leeds", "York"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().get("detail").asString()).startsWith("The order is DISPATCHED: ")
                .contains("a label may be printed");
        assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json().at("/shipTo/city").asString()).isEqualTo("Leeds");
    }

    @Test
    void aDeliveredOrderIsReturnedWithPhotosThenRefunded() {
        String orderId = dispatchedOrder("dsp-r");
        Response early = post("/api/v1/orders/" + orderId + "/returns", SHOP_A, null, "{\"reason\":\"DAMAGED\"}");
        assertThat(early.status()).isEqualTo(409);
        shipAndDeliver(orderId, "dsp-r", "VN-R1");
        assertThat(allowedActions(orderId, SHOP_A)).containsExactly("CONFIRM_RECEIPT", "REQUEST_RETURN");
        assertThat(allowedActions(orderId, ADMIN)).containsExactly("CONFIRM_RECEIPT", "REQUEST_RETURN", "COMPLETE");

        Response bad = post("/api/v1/orders/" + orderId + "/returns", SHOP_A, null,
                "{\"reason\":\"BROKEN\",\"photoUrls\":[\"ftp://x\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(post("/api/v1/orders/" + orderId + "/returns", SHOP_A, null,
                "{\"reason\":\"DAMAGED\",\"photoUrls\":[\"ftp://x\"]}").json().get("errors").get(0).get("field").asString())
                .isEqualTo("photoUrls[0]");
        assertThat(post("/api/v1/orders/" + orderId + "/returns", SHOP_A, null, """
                {"reason":"DAMAGED","description":"The handle broke off","photoUrls":["https://cdn.example.com/r/1.jpg"]}""")
                .status()).isEqualTo(202);
        awaitStatus(orderId, "RETURN_REQUESTED");
        String rmaId = ReturnAuthorised.rmaId(orderId, "hanoi-crafts");
        publish(Topics.FULFILMENT_EVENTS, orderId, new ReturnAuthorised("ra-" + orderId, T, orderId, "dsp-r",
                "hanoi-crafts", rmaId, ReturnReason.DAMAGED, List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug")),
                "Hanoi Crafts returns", new Address("12 Hang Gai", null, "Hanoi", null, "100000", "VN"),
                ReturnPayer.SUPPLIER, new BigDecimal("6.50"), "USD"));
        await().untilAsserted(() -> assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json()
                .at("/afterSales/returnAuthorisations/0/rmaId").asString("")).isEqualTo(rmaId));
        JsonNode authorisation = get("/api/v1/orders/" + orderId, SHOP_A).json().at("/afterSales/returnAuthorisations/0");
        assertThat(authorisation.at("/supplierId").asString()).isEqualTo("hanoi-crafts");
        assertThat(authorisation.at("/returnAddress/city").asString()).isEqualTo("Hanoi");
        assertThat(authorisation.at("/paidBy").asString()).isEqualTo("SUPPLIER");
        assertThat(authorisation.at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(allowedActions(orderId, SHOP_A)).as("settling the return is the admin's").isEmpty();
        assertThat(allowedActions(orderId, ADMIN)).containsExactly("RECEIVE_RETURN", "REFUND", "RESHIP");
        assertThat(post("/api/v1/admin/orders/" + orderId + "/returns/received", SHOP_A, null, "").status())
                .as("the admin's to do").isEqualTo(403);
        assertThat(post("/api/v1/admin/orders/" + orderId + "/returns/received", ADMIN, null, "").status()).isEqualTo(202);
        awaitStatus(orderId, "RETURNED");
        assertThat(post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{\"amount\":\"99.00\"}").status())
                .as("more than was paid").isEqualTo(400);
        assertThat(post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{\"note\":\"full refund\"}").status())
                .isEqualTo(202);
        awaitStatus(orderId, "REFUNDED");
        JsonNode view = get("/api/v1/orders/" + orderId, SHOP_A).json();
        assertThat(view.at("/afterSales/reason").asString()).isEqualTo("DAMAGED");
        assertThat(view.at("/afterSales/supplierPaysReturn").asBoolean()).isTrue();
        assertThat(view.at("/afterSales/photoUrls/0").asString()).isEqualTo("https://cdn.example.com/r/1.jpg");
        assertThat(view.at("/afterSales/refunded").asString()).isEqualTo("25.00");
        assertThat(view.at("/afterSales/refunds/0/status").asString()).as("no payment reference: refunded offline")
                .isEqualTo("OFFLINE");
    }

    /** The customer's return parcel: checked, followed under its RMA number, and its delivery returns the order. */
    @Test
    void aReturnParcelsTrackingIsTakenAndItsDeliveryReturnsTheOrder() {
        String orderId = dispatchedOrder("dsp-t");
        String path = "/api/v1/orders/" + orderId + "/returns/tracking";
        String rmaId = ReturnAuthorised.rmaId(orderId, "hanoi-crafts");
        String tracking = "{\"rmaId\":\"" + rmaId + "\",\"carrier\":\"vnpost\",\"trackingNumber\":\"VNR-77001\"}";
        assertThat(post(path, SHOP_A, null, tracking).status()).as("no return is open").isEqualTo(409);
        shipAndDeliver(orderId, "dsp-t", "VN-T1");
        assertThat(post("/api/v1/orders/" + orderId + "/returns", SHOP_A, null, "{\"reason\":\"DAMAGED\"}").status())
                .isEqualTo(202);
        awaitStatus(orderId, "RETURN_REQUESTED");
        publish(Topics.FULFILMENT_EVENTS, orderId, new ReturnAuthorised("ra-" + orderId, T, orderId, "dsp-t",
                "hanoi-crafts", rmaId, ReturnReason.DAMAGED, List.of(new ParcelItem(1, "MUG-001", 2, "Ceramic mug")),
                "Hanoi Crafts", null, ReturnPayer.SUPPLIER, null, null));
        await().untilAsserted(() -> assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json()
                .at("/afterSales/returnAuthorisations/0/rmaId").asString("")).isEqualTo(rmaId));

        Response bad = post(path, SHOP_A, null, "{\"carrier\":\"PIGEON\",\"trackingNumber\":\"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("rmaId", "carrier", "trackingNumber");
        Response unknown = post(path, SHOP_A, null, tracking.replace(rmaId, "RMA-0000000000"));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/no-return-authorisation");
        assertThat(post(path, SHOP_B, null, tracking).status()).as("another storefront's order").isEqualTo(404);
        assertThat(post(path, SHOP_A, null, tracking).status()).isEqualTo(202);

        await().untilAsserted(() -> assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json()
                .at("/afterSales/returnAuthorisations/0/trackingNumber").asString("")).isEqualTo("VNR-77001"));
        assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json().at("/afterSales/returnAuthorisations/0/carrier")
                .asString()).isEqualTo("VNPOST");
        publish(Topics.TRACKING_EVENTS, orderId, new ParcelStatusChanged("rt-" + orderId, T, orderId, rmaId, "VNR-77001",
                "VNPOST", ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED, new Checkpoint(T, "Hanoi", "Delivered", "DELIVERED")));
        awaitStatus(orderId, "RETURNED");
        assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json().at("/afterSales/returnAuthorisations/0/receivedAt")
                .isMissingNode()).isFalse();
    }

    @Test
    void aPaymentReferenceMustBeThePaymentsId() {
        Response bad = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(),
                withPayment(order("MUG-001", 1), "card 4242"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("paymentReference");
    }

    /**
     * An order paid through the provider is refunded through it, in parts up to what was paid. The
     * provider's first answer is lost: the connector asks again with the same key, and it pays once.
     */
    @Test
    void refundsArePaidThroughTheProviderOncePerRefundUpToWhatWasPaid() {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);
        assertThat(get("/api/v1/orders/" + orderId, SHOP_A).json().get("paymentReference").asString()).isEqualTo(payment);
        PROVIDER.loseFirstAnswerFor(payment);

        Response first = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null,
                "{\"amount\":\"10.00\",\"reason\":\"requested_by_customer\",\"note\":\"one mug broken\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String refundId = first.json().get("refundId").asString();
        assertThat(first.json().get("status").asString()).isEqualTo("REQUESTED");
        JsonNode paid = awaitRefund(orderId, 0, "SUCCEEDED");
        assertThat(paid.get("refundId").asString()).isEqualTo(refundId);
        assertThat(paid.get("amount").asString()).isEqualTo("10.00");
        assertThat(paid.get("providerRefundId").asString()).startsWith("re_");
        assertThat(PROVIDER.callsFor(payment)).as("asked again after the lost answer, with the same key").hasSize(2)
                .allSatisfy(call -> {
                    assertThat(call.idempotencyKey()).isEqualTo(refundId);
                    assertThat(call.form()).containsEntry("amount", "1000").containsEntry("currency", "usd")
                            .containsEntry("metadata[order_id]", orderId);
                });
        assertThat(PROVIDER.refundsMadeFor(payment)).as("paid once").isEqualTo(1);
        awaitStatus(orderId, "REFUNDED");

        Response tooMuch = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{\"amount\":\"15.01\"}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        assertThat(fields(tooMuch)).containsExactly("amount");
        assertThat(tooMuch.json().at("/errors/0/message").asString()).contains("15.00 USD");
        assertThat(post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{}").status())
                .as("the rest").isEqualTo(202);
        awaitRefund(orderId, 1, "SUCCEEDED");
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(view.at("/afterSales/refunded").asString()).isEqualTo("25.00");
        assertThat(view.at("/afterSales/refunds/1/amount").asString()).isEqualTo("15.00");
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(2);
        assertThat(allowedActions(orderId, ADMIN)).as("nothing left to refund").doesNotContain("REFUND");
        Response more = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{\"amount\":\"1.00\"}");
        assertThat(fields(more)).containsExactly("amount");
    }

    /**
     * A refund may name the units it pays back: without an amount it pays their sale price, with one (a partial
     * goodwill refund, say) that amount; each line shows its units refunded, never more than it has.
     */
    @Test
    void aRefundOfSomeUnitsCountsThemInTheirLinesRefundedUpToWhatTheLineHas() {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);

        Response mug = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null,
                "{\"lines\":[{\"lineNo\":1,\"quantity\":1}],\"note\":\"one mug broken\"}");
        assertThat(mug.status()).as(mug.body()).isEqualTo(202);
        assertThat(mug.json().get("amount").asString()).as("the mug's sale price").isEqualTo("12.50");
        JsonNode paid = awaitRefund(orderId, 0, "SUCCEEDED");
        assertThat(paid.at("/lines/0/lineNo").asInt()).isEqualTo(1);
        assertThat(paid.at("/lines/0/quantity").asInt()).isEqualTo(1);
        awaitStatus(orderId, "REFUNDED");
        assertThat(get("/api/v1/orders/" + orderId, ADMIN).json().at("/lines/0/refunded").asInt()).isEqualTo(1);

        Response tooMany = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null,
                "{\"amount\":\"5.00\",\"lines\":[{\"lineNo\":1,\"quantity\":2}]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(fields(tooMany)).containsExactly("lines[0].quantity");
        assertThat(tooMany.json().at("/errors/0/message").asString()).contains("1 unit(s) of line 1 left to refund");
        Response noSuchLine = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null,
                "{\"lines\":[{\"lineNo\":2,\"quantity\":1}]}");
        assertThat(fields(noSuchLine)).containsExactly("lines[0].lineNo");

        Response goodwill = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null,
                "{\"amount\":\"5.00\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}");
        assertThat(goodwill.status()).as(goodwill.body()).isEqualTo(202);
        awaitRefund(orderId, 1, "SUCCEEDED");
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(view.at("/lines/0/refunded").asInt()).isEqualTo(2);
        assertThat(view.at("/afterSales/refunded").asString()).isEqualTo("17.50");
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(2);
    }

    /**
     * The provider answers the refund pending (a bank transfer, say): the order is refunded at once, and the
     * connector follows the refund until the provider reports it succeeded, which the order records once.
     */
    @Test
    void aPendingRefundIsFollowedUntilTheProviderReportsItSucceeded() {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);
        PROVIDER.pendThenSettle(payment, 2, true);

        String refundId = post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{}").json()
                .get("refundId").asString();

        JsonNode succeeded = awaitRefund(orderId, 0, "SUCCEEDED");
        assertThat(succeeded.get("refundId").asString()).isEqualTo(refundId);
        assertThat(PROVIDER.checksFor(payment)).as("pending twice, then succeeded").isEqualTo(3);
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(view.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(view.at("/afterSales/refunded").asString()).isEqualTo("25.00");
        String providerId = succeeded.get("providerRefundId").asString();
        assertThat(view.get("history").valueStream().map(h -> h.get("reason").asString())
                .filter(reason -> reason.contains(providerId)).toList()).satisfiesExactly(
                        reason -> assertThat(reason).startsWith("refunded 25.00 USD by admin:")
                                .endsWith("(" + providerId + ", pending)"),
                        reason -> assertThat(reason).isEqualTo("pending refund " + refundId + " of 25.00 USD succeeded ("
                                + providerId + ")"));
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(1);
    }

    /**
     * A pending refund the provider later reports failed was never paid back: the order shows it failed with
     * the provider's reason, counts nothing as refunded, and the admin may refund again.
     */
    @Test
    void aPendingRefundThatFailsLaterIsShownFailedAndMayBeAskedAgain() {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);
        PROVIDER.pendThenSettle(payment, 1, false);

        assertThat(post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{}").status()).isEqualTo(202);

        JsonNode failed = awaitRefund(orderId, 0, "FAILED");
        assertThat(failed.get("failure").asString()).isEqualTo("insufficient_funds");
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(new BigDecimal(view.at("/afterSales/refunded").asString())).isEqualByComparingTo("0");
        JsonNode history = view.get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString()).startsWith("pending refund ")
                .endsWith("of 25.00 USD failed: insufficient_funds (nothing was paid back; it is refundable again)");
        assertThat(allowedActions(orderId, ADMIN)).as("the admin may refund again").contains("REFUND");
    }

    /**
     * A pending refund the provider then has no record of (404 at every check) was never paid: after three such
     * answers in a row the order shows it failed, as unknown to the provider, and the admin may refund again.
     */
    @Test
    void aPendingRefundTheProviderDoesNotKnowIsShownFailedAndMayBeAskedAgain() {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);
        PROVIDER.pendThenForget(payment);

        assertThat(post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{}").status()).isEqualTo(202);

        JsonNode failed = awaitRefund(orderId, 0, "FAILED");
        assertThat(failed.get("failure").asString()).isEqualTo("unknown to the payment provider");
        assertThat(PROVIDER.checksFor(payment)).isEqualTo(3);
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(new BigDecimal(view.at("/afterSales/refunded").asString())).isEqualByComparingTo("0");
        JsonNode history = view.get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString()).startsWith("pending refund ")
                .endsWith("of 25.00 USD failed: unknown to the payment provider (nothing was paid back; it is"
                        + " refundable again)");
        assertThat(allowedActions(orderId, ADMIN)).contains("REFUND");
    }

    @Test
    void aRefundTheProviderRefusesIsRecordedAsFailedAndRefundsNothing() {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);
        PROVIDER.refuse(payment, "charge_disputed");

        assertThat(post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null, "{}").status()).isEqualTo(202);

        JsonNode failed = awaitRefund(orderId, 0, "FAILED");
        assertThat(failed.get("failure").asString()).startsWith("charge_disputed");
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(view.get("status").asString()).isEqualTo("EXCEPTION");
        assertThat(view.at("/afterSales/refunded").isMissingNode() || view.at("/afterSales/refunded").isNull()).isTrue();
        JsonNode history = view.get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString()).contains("failed: charge_disputed");
        assertThat(allowedActions(orderId, ADMIN)).as("the admin may try again").contains("REFUND");
    }

    /**
     * Two refunds asked at the same moment, each within what is left but together more than the customer paid
     * (25.00): both pass the API's check, since the order's stream has applied neither yet (held here until
     * both are answered). The order accepts the one it reads first and refuses the other, and the refund
     * connector pays only the accepted one: the provider is asked once.
     */
    @Test
    void ofTwoRefundsAskedAtTheSameMomentTheProviderIsAskedOnlyForTheOneTheOrderAccepted() throws Exception {
        String payment = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String orderId = orderInException(payment);
        KafkaStreams orderStream = context.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().iterator()
                .next().getKafkaStreams();
        ExecutorService two = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Response> refund = () -> {
            together.await(10, TimeUnit.SECONDS);
            return post("/api/v1/admin/orders/" + orderId + "/refund", ADMIN, null,
                    "{\"amount\":\"20.00\",\"note\":\"both mugs broken\"}");
        };
        List<Response> answers = new ArrayList<>();
        orderStream.pause();
        try {
            for (Future<Response> answer : two.invokeAll(List.of(refund, refund))) {
                answers.add(answer.get());
            }
        } finally {
            orderStream.resume();
            two.shutdown();
        }
        assertThat(answers).as("both passed the API's check").extracting(Response::status).containsExactly(202, 202);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode refunds = get("/api/v1/orders/" + orderId, ADMIN).json().at("/afterSales/refunds");
            return refunds.size() == 2 && refunds.valueStream().noneMatch(r -> r.get("status").asString()
                    .equals("REQUESTED"));
        });
        JsonNode view = get("/api/v1/orders/" + orderId, ADMIN).json();
        assertThat(view.at("/afterSales/refunds").valueStream().map(r -> r.get("status").asString()))
                .containsExactlyInAnyOrder("SUCCEEDED", "REFUSED");
        JsonNode refused = view.at("/afterSales/refunds").valueStream()
                .filter(r -> r.get("status").asString().equals("REFUSED")).findFirst().orElseThrow();
        assertThat(refused.get("failure").asString()).startsWith("only 5.00 USD is left to refund");
        assertThat(answers).extracting(a -> a.json().get("refundId").asString())
                .contains(refused.get("refundId").asString());
        assertThat(PROVIDER.callsFor(payment)).as("the provider is asked once").hasSize(1);
        assertThat(PROVIDER.refundsMadeFor(payment)).isEqualTo(1);
        assertThat(view.at("/afterSales/refunded").asString()).isEqualTo("20.00");
        assertThat(view.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(view.get("history").valueStream().map(h -> h.get("reason").asString()))
                .anyMatch(reason -> reason.equals("refund " + refused.get("refundId").asString()
                        + " of 20.00 USD asked by admin:admin refused: " + refused.get("failure").asString()));
    }

    /** An order paid with {@code payment}, stuck in EXCEPTION (its supplier refused it), which a refund settles. */
    private String orderInException(String payment) {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(),
                withPayment(order("MUG-001", 2), payment)).json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        allocateAndDispatch(orderId, "dsp-" + orderId);
        publish(Topics.FULFILMENT_EVENTS, orderId, new SupplierRejected("rj-" + orderId, T, orderId, "dsp-" + orderId,
                "hanoi-crafts", RejectionReason.ADDRESS, "no such street"));
        awaitStatus(orderId, "EXCEPTION");
        return orderId;
    }

    private JsonNode awaitRefund(String orderId, int index, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(
                get("/api/v1/orders/" + orderId, ADMIN).json().at("/afterSales/refunds/" + index + "/status").asString("")));
        return get("/api/v1/orders/" + orderId, ADMIN).json().at("/afterSales/refunds/" + index);
    }

    private static String withPayment(String order, String payment) {
        return order.replace("\"priority\"", "\"paymentReference\":\"" + payment + "\",\"priority\"");
    }

    /**
     * A supplier refused the order's only dispatch: the order is stuck in EXCEPTION. The API offers
     * what settles it (refund, reship) and never Cancel, which it would refuse.
     */
    @Test
    void anOrderStuckInExceptionAllowsRefundAndReshipButNotCancel() {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 1))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        // shown PLACED while still in flight (nothing can be asked of it yet), then stored
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(allowedActions(orderId, SHOP_A)).containsExactly("CANCEL"));
        allocateAndDispatch(orderId, "dsp-x");
        publish(Topics.FULFILMENT_EVENTS, orderId, new SupplierRejected("rj-" + orderId, T, orderId, "dsp-x",
                "hanoi-crafts", RejectionReason.ADDRESS, "no such street"));
        awaitStatus(orderId, "EXCEPTION");

        assertThat(allowedActions(orderId, ADMIN)).containsExactly("REFUND", "RESHIP");
        assertThat(allowedActions(orderId, SHOP_A)).isEmpty();
        Response cancel = post("/api/v1/orders/" + orderId + "/cancel", ADMIN, null, "{\"reason\":\"stuck\"}");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("status").asString()).isEqualTo("EXCEPTION");
        assertThat(post("/api/v1/admin/orders/" + orderId + "/reship", SHOP_A, null, "").status()).isEqualTo(403);

        Response badLines = post("/api/v1/admin/orders/" + orderId + "/reship", ADMIN, null,
                "{\"lines\":[{\"lineNo\":7,\"quantity\":1},{\"lineNo\":1,\"quantity\":5}]}");
        assertThat(badLines.status()).isEqualTo(400);
        assertThat(fields(badLines)).containsExactly("lines[0].lineNo", "lines[1].quantity");

        Response reship = post("/api/v1/admin/orders/" + orderId + "/reship", ADMIN, null,
                "{\"note\":\"new address\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}");
        assertThat(reship.status()).isEqualTo(202);
        String replacementId = reship.json().get("replacementOrderId").asString();
        assertThat(reship.location()).isEqualTo("/api/v1/orders/" + replacementId);
        awaitStatus(orderId, "RESHIPPED");
        assertThat(allowedActions(orderId, ADMIN)).isEmpty();
        // the replacement is an order of the storefront's own, placed like any other
        awaitStatus(replacementId, "PLACED");
        JsonNode replacement = get("/api/v1/orders/" + replacementId, SHOP_A).json();
        assertThat(replacement.at("/source/channel").asString()).isEqualTo("RESHIP");
        assertThat(replacement.at("/source/replaces").asString()).isEqualTo(orderId);
        assertThat(replacement.at("/lines/0/quantity").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(replacement.at("/total").asString())).as("nothing more to pay").isZero();
        JsonNode original = get("/api/v1/orders/" + orderId, SHOP_A).json();
        assertThat(original.at("/replacements/0/orderId").asString()).isEqualTo(replacementId);
        assertThat(original.at("/lines/0/replaced").asInt()).isEqualTo(1);
    }

    @Test
    void aStorefrontRegistersReadsRotatesAndRemovesItsWebhook() {
        assertThat(get("/api/v1/webhook", SHOP_B).status()).isEqualTo(404);
        Response bad = put("/api/v1/webhook", SHOP_B, "{\"url\":\"ftp://shop-b.example.com/hooks\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("url");
        assertThat(fields(put("/api/v1/webhook", SHOP_B, "{}"))).containsExactly("url");
        assertThat(put("/api/v1/webhook", SHOP_B, "{\"url\":\"https://shop-b.example.com/h\",\"status\":\"x\"}").status())
                .as("unknown fields are refused").isEqualTo(400);
        assertThat(put("/api/v1/webhook", PARTNER, "{\"url\":\"https://partner.example.com/h\"}").status())
                .as("webhooks are a storefront's").isEqualTo(403);

        Response set = put("/api/v1/webhook", SHOP_B, "{\"url\":\"https://shop-b.example.com/hooks/dropship\"}");
        assertThat(set.status()).isEqualTo(200);
        String secret = set.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        Response read = get("/api/v1/webhook", SHOP_B);
        assertThat(read.json().get("url").asString()).isEqualTo("https://shop-b.example.com/hooks/dropship");
        assertThat(read.json().has("secret")).as("the secret is shown only when set").isFalse();

        Response moved = put("/api/v1/webhook", SHOP_B, "{\"url\":\"https://shop-b.example.com/v2/hooks\"}");
        assertThat(moved.json().get("secret").asString()).as("a new URL keeps the secret").isEqualTo(secret);
        assertThat(moved.json().get("since").asString()).isEqualTo(set.json().get("since").asString());
        Response rotated = put("/api/v1/webhook", SHOP_B,
                "{\"url\":\"https://shop-b.example.com/v2/hooks\",\"rotateSecret\":true}");
        assertThat(rotated.json().get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);

        assertThat(delete("/api/v1/webhook", SHOP_B).status()).isEqualTo(204);
        assertThat(get("/api/v1/webhook", SHOP_B).status()).isEqualTo(404);
        assertThat(delete("/api/v1/webhook", SHOP_B).status()).isEqualTo(404);
    }

    @Test
    void everyStatusChangeReachesTheStorefrontSignedInOrderThroughFailures() throws Exception {
        List<Delivery> received = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(3);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = refusals.getAndDecrement() > 0 ? 503 : 200;
            received.add(new Delivery(status, exchange.getRequestHeaders().getFirst("X-Dropship-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Dropship-Delivery-Attempt"),
                    exchange.getRequestHeaders().getFirst(Signatures.HEADER), body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            Response set = put("/api/v1/webhook", SHOP_D,
                    "{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hooks\"}");
            assertThat(set.status()).isEqualTo(200);
            String secret = set.json().get("secret").asString();

            String orderId = post("/api/v1/orders", SHOP_D, UUID.randomUUID().toString(), order("MUG-001", 1))
                    .json().get("orderId").asString();
            awaitStatus(orderId, "PLACED");
            allocateAndDispatch(orderId, "dsp-w");
            awaitStatus(orderId, "DISPATCHED");
            assertThat(post("/api/v1/orders/" + orderId + "/cancel", SHOP_D, null, "{}").status()).isEqualTo(202);
            awaitStatus(orderId, "CANCELLING");
            publish(Topics.FULFILMENT_EVENTS, orderId, new DispatchCancelled("dcw-" + orderId, T, orderId, "dsp-w",
                    "hanoi-crafts"));
            awaitStatus(orderId, "CANCELLED");

            List<String> history = new ArrayList<>();
            get("/api/v1/orders/" + orderId, SHOP_D).json().get("history").forEach(h -> history.add(h.get("status").asString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted(received, orderId).size() == history.size());

            List<Delivery> accepted = accepted(received, orderId);
            assertThat(accepted.stream().map(d -> d.json().get("to").asString()).toList())
                    .as("every transition, in the order it happened").isEqualTo(history);
            assertThat(accepted.stream().map(Delivery::eventId).distinct().count()).isEqualTo(history.size());
            for (Delivery d : received) {
                assertThat(Signatures.verify(secret, d.body(), d.signature())).as("signed with the storefront's secret").isTrue();
                assertThat(d.json().get("eventId").asString()).isEqualTo(d.eventId());
                assertThat(d.json().get("type").asString()).isEqualTo("order.status_changed");
            }
            assertThat(received.subList(0, 4)).as("the first change is retried until taken, nothing overtakes it")
                    .extracting(Delivery::eventId).containsOnly(received.get(0).eventId());
            assertThat(received.subList(0, 4)).extracting(Delivery::attempt).containsExactly("1", "2", "3", "4");
            assertThat(received.get(0).json().has("from")).as("the first state comes from nowhere").isFalse();
            assertThat(received.get(0).json().get("externalRef").asString()).startsWith("SHOP-");

            JsonNode status = get("/api/v1/webhook", SHOP_D).json().get("delivery");
            assertThat(status.get("delivered").asLong()).isGreaterThanOrEqualTo(history.size());
            assertThat(status.get("lastError").asString()).isEqualTo("HTTP 503");
        } finally {
            server.stop(0);
            delete("/api/v1/webhook", SHOP_D);
        }
    }

    record Delivery(int status, String eventId, String attempt, String signature, byte[] body) {
        JsonNode json() {
            return Json.mapper().readTree(body);
        }
    }

    private static List<Delivery> accepted(List<Delivery> received, String orderId) {
        return received.stream().filter(d -> d.status() == 200)
                .filter(d -> orderId.equals(d.json().get("orderId").asString())).toList();
    }

    /** A storefront's order of two mugs, placed and sent to hanoi-crafts as {@code dispatchId}. */
    private String dispatchedOrder(String dispatchId) {
        String orderId = post("/api/v1/orders", SHOP_A, UUID.randomUUID().toString(), order("MUG-001", 2))
                .json().get("orderId").asString();
        awaitStatus(orderId, "PLACED");
        allocateAndDispatch(orderId, dispatchId);
        return orderId;
    }

    /** The dispatch ships in one parcel, which the carrier delivers. */
    private void shipAndDeliver(String orderId, String dispatchId, String trackingNumber) {
        publish(Topics.FULFILMENT_EVENTS, orderId, new ParcelsShipped("sh-" + orderId, T, orderId, dispatchId,
                "hanoi-crafts", "VNPOST", List.of(trackingNumber)));
        publish(Topics.TRACKING_EVENTS, orderId, new ParcelStatusChanged("tr-" + orderId, T, orderId, dispatchId,
                trackingNumber, "VNPOST", ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED,
                new Checkpoint(T, "London", "Delivered", "DELIVERED")));
        awaitStatus(orderId, "DELIVERED");
    }

    private void allocateAndDispatch(String orderId, String dispatchId) {
        publish(Topics.ORDER_ALLOCATIONS, orderId, new StockAllocated("a-" + orderId, T, orderId, null,
                List.of(new LineAllocation(1, "MUG-001", 1, new OfferRef("hanoi-crafts", "HN-1", new BigDecimal("4.20"),
                        new BigDecimal("1.80"), "USD", 2, 1), List.of()))));
        publish(Topics.FULFILMENT_EVENTS, orderId, new DispatchSent("d-" + orderId, T, orderId, dispatchId, "hanoi-crafts",
                List.of()));
    }

    // ---- helpers ----

    private List<String> allowedActions(String orderId, String apiKey) {
        Response r = get("/api/v1/orders/" + orderId, apiKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        r.json().get("allowedActions").forEach(a -> actions.add(a.asString()));
        return actions;
    }

    private void awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response r = get("/api/v1/orders/" + orderId, ADMIN);
            return r.status() == 200 && status.equals(r.json().get("status").asString());
        });
    }

    private static ProductUpdated product(String sku, String price, String currency, boolean listed) {
        return new ProductUpdated("prod-" + sku, T, sku, "Product " + sku, null, List.of(), new BigDecimal(price),
                currency, listed, listed ? 100 : 0, List.of());
    }

    private void publish(TopicSpec topic, String key, Event event) {
        TopicReader.writeRaw(EmbeddedBroker.bootstrapServers(), topic.name(), key, serde.serialize(topic.name(), event));
    }

    private static String order(String sku, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", "SHOP-" + UUID.randomUUID());
        body.put("currency", "USD");
        body.put("customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "phone", "+442071234567", "locale", "en"));
        body.put("shipTo", Map.of("line1", "1 Example Street", "city", "London", "postalCode", "N1 9GU", "country", "GB"));
        body.put("lines", List.of(Map.of("sku", sku, "quantity", quantity)));
        body.put("priority", "STANDARD");
        body.put("paymentStatus", "PAID");
        body.put("requests", Map.of("giftWrap", false, "invoice", true, "note", "Leave at the door"));
        return Json.mapper().writeValueAsString(body);
    }

    private static String partnerOrder(String salePrice) {
        return order("MUG-001", 2).replace("\"quantity\":2", "\"quantity\":2,\"salePrice\":\"" + salePrice + "\"");
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        assertThat(r.json().has("errors")).as(r.body()).isTrue();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    record Response(int status, String body, String location, String contentType, String retryAfter) {
        JsonNode json() {
            return Json.mapper().readTree(body);
        }
    }

    private Response post(String path, String apiKey, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private Response put(String path, String apiKey, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response delete(String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", apiKey)
                .DELETE().build());
    }

    /** A GET with that API key, or with none when it is null. */
    private Response get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return send((apiKey == null ? request : request.header("X-Api-Key", apiKey)).build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
