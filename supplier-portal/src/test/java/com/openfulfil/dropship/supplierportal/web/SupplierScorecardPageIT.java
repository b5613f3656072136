package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.supplierportal.SupplierPortalApplication;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard page renders whatever metrics supplier-gateway's scorecard lists, asking with the
 * gateway's admin key, and says so when there is no scorecard yet (404). The portal runs as a process
 * of its own, started by its main class, with its own settings; the gateway here is a small real HTTP
 * server serving the documented JSON.
 */
@SpringBootTest(classes = SupplierPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
@ActiveProfiles("it")
class SupplierScorecardPageIT extends KafkaIntegrationTest {
    private static final String SCORECARD = """
            {"supplierId":"lyon-linen","asOf":"2026-11-30T00:00:00Z","dispatches":120,"shipped":110,"rejected":4,"slaBreaches":3,
             "metrics":[
              {"key":"onTimeShipmentRate","label":"On-time shipment rate","value":0.97,"unit":"ratio","target":0.95,"comparison":"AT_LEAST","met":true},
              {"key":"medianResponseHours","label":"Response time (median)","value":30.5,"unit":"hours","target":24,"comparison":"AT_MOST","met":false},
              {"key":"orderErrorRate","label":"Order error rate","value":null,"unit":"ratio","target":0.02,"comparison":"AT_MOST","met":null}]}
            """;
    private static final List<String> ADMIN_KEYS = new CopyOnWriteArrayList<>();
    private static final HttpServer GATEWAY = gateway();

    @LocalServerPort
    int port;


    @DynamicPropertySource
    static void gatewayAddress(DynamicPropertyRegistry registry) {
        registry.add("dropship.ops.services.supplier-gateway", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
        // a stream of its own: Kafka Streams members do not leave their group on close, so sharing the
        // portal's application id would hold the next test on the broker in a rebalance
        registry.add("spring.cloud.stream.kafka.streams.binder.functions.supplierPortal.application-id",
                () -> "ops-console-supplier-portal-scorecard-page-it");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    private PortalBrowser browser() {
        return new PortalBrowser(port);
    }

    @Test
    void showsEachMetricOfTheGatewaysScorecard() throws Exception {
        PortalBrowser browser = browser();
        browser.signIn("lyon-linen");
        String page = browser.get("/supplier/scorecard").body();
        assertThat(page).contains("120 dispatches, 110 shipped, 4 refused, 3 deadlines missed");
        assertThat(row(page, "onTimeShipmentRate")).contains("On-time shipment rate", "97.0 %", "at least 95.0 %", "met");
        assertThat(row(page, "medianResponseHours")).contains("Response time (median)", "30.5 h", "at most 24.0 h", "missed");
        assertThat(row(page, "orderErrorRate")).contains("Order error rate", "no data yet", "at most 2.0 %");
        assertThat(ADMIN_KEYS).contains("ok_demo_gateway_0123456789");
    }

    @Test
    void saysWhenThereIsNoScorecardYet() throws Exception {
        PortalBrowser browser = browser();
        browser.signIn("hanoi-crafts");
        assertThat(browser.get("/supplier/scorecard").body()).contains("The scorecard is not available yet.");
    }

    @Test
    void aloneThePortalOpensItsProbesAndRefusesEveryAddressNotItsOwn() throws Exception {
        PortalBrowser browser = browser();
        browser.signIn("lyon-linen");
        assertThat(browser.get("/pipeline").statusCode()).isEqualTo(403);
        assertThat(browser.get("/partner/catalog").statusCode()).isEqualTo(403);
        assertThat(browser.get("/actuator/info").statusCode()).isEqualTo(403);
        HttpResponse<String> liveness = browser.http().send(HttpRequest.newBuilder(
                browser.url("/actuator/health/liveness")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    private static String row(String page, String metric) {
        Matcher m = Pattern.compile("<tr data-metric=\"" + metric + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row for " + metric).isTrue();
        return m.group(1);
    }

    /** supplier-gateway's scorecard endpoint as documented: lyon-linen has one, nobody else yet. */
    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/suppliers/", exchange -> {
                ADMIN_KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Admin-Key")));
                boolean known = exchange.getRequestURI().getPath().equals("/api/v1/suppliers/lyon-linen/scorecard");
                byte[] body = (known ? SCORECARD : "{\"status\":404}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
                exchange.sendResponseHeaders(known ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
