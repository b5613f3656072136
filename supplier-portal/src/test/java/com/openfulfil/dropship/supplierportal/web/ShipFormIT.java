package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnPayer;
import com.openfulfil.dropship.events.model.ReturnReason;
import com.openfulfil.dropship.events.supplier.ReturnAuthorised;
import com.openfulfil.dropship.supplierportal.SupplierPortalApplication;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ship form says how many units of each line are left and takes, per parcel, a tracking number and
 * the units of each line in it: what it sends supplier-gateway (a small real HTTP server here, checking
 * the supplier's signature) names each parcel's contents, a parcel left empty holding the rest, and more
 * units than are left are named next to their field and nothing is sent.
 */
@SpringBootTest(classes = SupplierPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
@ActiveProfiles("it")
class ShipFormIT extends KafkaIntegrationTest {
    private static final String SUPPLIER = "lyon-linen";
    private static final List<DispatchShipped> SENT = new CopyOnWriteArrayList<>();
    private static final HttpServer GATEWAY = gateway();

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;


    @DynamicPropertySource
    static void gatewayAddress(DynamicPropertyRegistry registry) {
        registry.add("dropship.ops.services.supplier-gateway", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
        registry.add("spring.cloud.stream.kafka.streams.binder.functions.supplierPortal.application-id",
                () -> "ops-console-supplier-portal-ship-form-it");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @Test
    void eachParcelSaysWhatItHoldsAndMoreThanIsLeftIsNamedAndNotSent() throws Exception {
        publisher.publishAndWait(Topics.supplierDispatch(SUPPLIER), "ord-ship-form", dispatch("dsp-ship-form"));
        PortalBrowser browser = new PortalBrowser(port);
        browser.signIn(SUPPLIER);
        String page = await().atMost(Duration.ofSeconds(60)).until(() -> browser.get("/supplier/dispatches/dsp-ship-form"),
                p -> p.statusCode() == 200 && p.body().contains("ship-parcels")).body();
        assertThat(page).contains("line 1: LL-TT-01 (2 left)", "line 2: LL-NP-04 (1 left)", "name=\"units-0-1\"");

        HttpResponse<String> tooMany = ship(browser, page, Map.of("trackingNumbers", List.of("6A1111"),
                "units-0-1", List.of("3"), "units-0-2", List.of("")));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("id=\"units-0-1-error\"", "Only 2 of line 1 is left to ship.");
        assertThat(SENT).as("nothing was sent").isEmpty();

        HttpResponse<String> shipped = ship(browser, tooMany.body(), Map.of("trackingNumbers", List.of("6A1111", "6A2222"),
                "units-0-1", List.of("2"), "units-0-2", List.of(""), "units-1-1", List.of(""), "units-1-2", List.of("")));
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        assertThat(SENT).singleElement().satisfies(s -> {
            assertThat(s.carrier()).isEqualTo("COLISSIMO");
            assertThat(s.trackingNumbers()).containsExactly("6A1111", "6A2222");
            assertThat(s.parcels()).as("only the parcel that names its contents").singleElement().satisfies(p -> {
                assertThat(p.trackingNumber()).isEqualTo("6A1111");
                assertThat(p.items()).singleElement().satisfies(i -> {
                    assertThat(i.lineNo()).isEqualTo(1);
                    assertThat(i.quantity()).isEqualTo(2);
                });
            });
        });
    }

    @Test
    void aReturnOfTheDispatchShowsItsNumberWhatComesBackAndWhoPaysThePostage() throws Exception {
        publisher.publishAndWait(Topics.supplierDispatch(SUPPLIER), "ord-ship-form", dispatch("dsp-return"));
        String rmaId = ReturnAuthorised.rmaId("ord-ship-form", SUPPLIER);
        publisher.publishAndWait(Topics.FULFILMENT_EVENTS, "ord-ship-form", new ReturnAuthorised("ra-return",
                Instant.now(), "ord-ship-form", "dsp-return", SUPPLIER, rmaId, ReturnReason.WRONG_ITEM,
                List.of(new ParcelItem(1, "TOWEL-020", 1, "Linen tea towel")), "Lyon Linen returns",
                new Address("8 quai Saint-Vincent", null, "Lyon", null, "69001", "FR"), ReturnPayer.SUPPLIER,
                new BigDecimal("7.90"), "EUR"));
        PortalBrowser browser = new PortalBrowser(port);
        browser.signIn(SUPPLIER);
        String page = await().atMost(Duration.ofSeconds(60)).until(() -> browser.get("/supplier/dispatches/dsp-return"),
                p -> p.statusCode() == 200 && p.body().contains("id=\"rma\"")).body();
        assertThat(page).contains(rmaId, "1 × LL-TT-01", "wrong item",
                "You pay the return postage: 7.90 EUR is charged to your payables.");
        assertThat(browser.get("/supplier/dispatches").body()).contains("· return " + rmaId);
    }

    private static HttpResponse<String> ship(PortalBrowser browser, String page, Map<String, List<String>> fields)
            throws Exception {
        String form = "carrier=COLISSIMO&_csrf=" + PortalBrowser.csrf(page) + "&" + fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return browser.post("/supplier/dispatches/dsp-ship-form/ship", form);
    }

    private static DispatchRequested dispatch(String dispatchId) {
        return new DispatchRequested("evt-" + dispatchId, Instant.now(), "ord-ship-form", dispatchId, SUPPLIER,
                List.of(new DispatchItem(1, "TOWEL-020", "LL-TT-01", "Linen tea towel", 2, new BigDecimal("6.50")),
                        new DispatchItem(2, "NAPKIN-021", "LL-NP-04", "Napkins, set of 4", 1, new BigDecimal("9.20"))),
                new Address("3 rue de la République", null, "Lyon", null, "69002", "FR"),
                new Customer("Camille Dupont", "camille@example.fr", "+33478000000", "fr"), Priority.STANDARD,
                new SpecialRequests(false, false, null), new PackingInstructions(true, "Acme Home", null));
    }

    /** supplier-gateway's update API: takes an update signed with the supplier's secret (202), refuses one that is not. */
    private static HttpServer gateway() {
        EventSerde serde = new EventSerde();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/suppliers/" + SUPPLIER + "/updates", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                boolean signed = Signatures.verify("ss_demo_" + SUPPLIER, body,
                        exchange.getRequestHeaders().getFirst(Signatures.HEADER));
                if (signed && serde.deserialize("updates", body) instanceof DispatchShipped shipped) {
                    SENT.add(shipped);
                }
                byte[] answer = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
                exchange.sendResponseHeaders(signed ? 202 : 401, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
