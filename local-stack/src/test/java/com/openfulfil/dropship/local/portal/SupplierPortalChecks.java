package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.ops.PortalUpdateSent;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Service;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supplier portal in headless Chromium over the whole running pipeline, with lyon-linen left to
 * a person: an order for a product only lyon-linen offers waits in the portal; its user signs in,
 * accepts it and ships it in two parcels, and the carrier simulator delivers both, so the order
 * reaches DELIVERED. Along the way: another supplier's dispatch is not found, the ops pages refuse
 * the supplier's session, the packing list has the dispatch, and a tracking upload answers row by
 * row. Fails, never skips, when Chromium or its driver is missing.
 */
abstract class SupplierPortalChecks {
    private static final String SUPPLIER = DemoKeys.PORTAL_SUPPLIER;
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LocalStack stack;
    private WebDriver browser;
    private String console;
    private String orders;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aSupplierAcceptsAndShipsInThePortalAndTheOrderIsDelivered() throws Exception {
        stack = ConsoleBrowserIT.stack();
        console = stack.service(Service.OPS_CONSOLE).baseUrl();
        orders = stack.service(Service.ORDER).baseUrl();

        String duvetOrder = placeOrder("DUVET-023", 1);
        String candleOrder = placeOrder("CANDLE-025", 2);
        String mugOrder = placeOrder("MUG-001", 1);
        String duvet = dispatchOf(duvetOrder, SUPPLIER);
        String candle = dispatchOf(candleOrder, SUPPLIER);
        String foreign = dispatchOf(mugOrder, "hanoi-crafts");

        openBrowser();
        signIn();
        FluentWait<WebDriver> wait = Browsers.waitOn(browser, WAIT);
        By duvetRow = By.cssSelector("#dispatches tr[data-dispatch='" + duvet + "']");
        wait.until(d -> {
            d.get(console + "/supplier/dispatches?list=new");
            return !d.findElements(duvetRow).isEmpty();
        });
        assertThat(browser.findElement(duvetRow).getText()).contains("LL-DUVET-240", "to accept:", "left");
        screenshot("supplier-dispatches.png");

        assertThePackingListHas(duvet, candle);

        browser.findElement(duvetRow).findElement(By.tagName("a")).click();
        assertThat(browser.findElement(By.id("items")).getText()).contains("DUVET-023");
        assertThat(browser.findElement(By.id("ship-to")).getText()).contains("Lyon");
        assertThat(browser.findElement(By.id("packing")).getText()).contains("Blind shipping", "Acme Home");
        browser.findElement(By.id("accept")).click();
        wait.until(d -> d.findElement(By.id("stage")).getText().equals("accepted"));
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Accepted");

        // a form with mistakes answers field by field and sends nothing
        browser.findElement(By.id("tracking-0")).sendKeys("no such number!");
        browser.findElement(By.id("ship-submit")).click();
        wait.until(d -> !d.findElements(By.id("carrier-error")).isEmpty());
        assertThat(browser.findElement(By.id("carrier-error")).getText()).isEqualTo("Choose the carrier.");
        assertThat(browser.findElement(By.id("tracking-0-error")).getText()).contains("is not a tracking number");
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("accepted");

        String first = "6A" + run + "0001";
        String second = "6A" + run + "0002";
        new Select(browser.findElement(By.id("carrier"))).selectByValue("COLISSIMO");
        browser.findElement(By.id("tracking-0")).clear();
        browser.findElement(By.id("tracking-0")).sendKeys(first);
        browser.findElement(By.id("add-parcel")).click();
        browser.findElement(By.id("tracking-1")).sendKeys(second);
        browser.findElement(By.id("ship-submit")).click();
        wait.until(d -> {
            if (!d.findElement(By.id("stage")).getText().equals("shipped")) {
                d.navigate().refresh();
                return false;
            }
            return d.findElement(By.id("parcels")).getText().contains(second);
        });
        assertThat(browser.findElement(By.id("parcels")).getText()).contains("COLISSIMO", first, second);
        screenshot("supplier-dispatch-shipped.png");

        awaitStatus(duvetOrder, "DELIVERED");
        JsonNode delivered = order(duvetOrder);
        List<String> parcels = new ArrayList<>();
        delivered.path("fulfilments").get(0).path("parcels").forEach(p -> parcels.add(p.path("trackingNumber").asString()));
        assertThat(parcels).containsExactlyInAnyOrder(first, second);

        assertAnotherSuppliersDispatchIsNotFound(foreign);
        assertTheOpsPagesRefuseTheSupplierSession();
        assertATrackingUploadAnswersRowByRow(candle, candleOrder, foreign);
        assertTheAnswersWereAudited(duvet);

        browser.get(console + "/supplier/scorecard");
        assertThat(browser.findElements(By.id("scorecard-not-yet")).size() + browser.findElements(By.id("metrics")).size())
                .as("the scorecard page shows the scorecard, or that there is none yet").isEqualTo(1);
    }

    private void assertThePackingListHas(String duvet, String candle) throws Exception {
        HttpResponse<byte[]> csv = HTTP.send(withSession(HttpRequest.newBuilder(URI.create(console
                + "/supplier/packing-list.csv"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("attachment", "packing-list-lyon-linen"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFdispatch_id,order_id,").contains(duvet, candle, "LL-DUVET-240", "Acme Home")
                .doesNotContain("hanoi-crafts");
    }

    private void assertAnotherSuppliersDispatchIsNotFound(String foreign) {
        browser.get(console + "/supplier/dispatches/" + foreign);
        assertThat(browser.findElement(By.id("not-found")).getText()).isEqualTo("Dispatch not found");
        browser.get(console + "/supplier/dispatches?list=shipped");
        assertThat(browser.getPageSource()).doesNotContain(foreign);
    }

    private void assertTheOpsPagesRefuseTheSupplierSession() throws Exception {
        for (String page : List.of("/pipeline", "/dead-letters", "/partner/")) {
            browser.get(console + page);
            assertThat(browser.getCurrentUrl()).as(page).contains("login");
            assertThat(browser.findElements(By.id("funnel"))).isEmpty();
        }
        HttpResponse<String> api = HTTP.send(withSession(HttpRequest.newBuilder(URI.create(console + "/api/v1/pipeline")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    private void assertATrackingUploadAnswersRowByRow(String candle, String candleOrder, String foreign) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "tracking-", ".csv");
        Files.writeString(file, "\uFEFFdispatch_id,carrier,tracking_numbers\r\n"
                + candle + ",colissimo,\"6A" + run + "0101; 6A" + run + "0102\"\r\n"
                + foreign + ",COLISSIMO,6A" + run + "0201\r\n"
                + candle + ",La Poste Ü,6A" + run + "0301\r\n", StandardCharsets.UTF_8);
        upload(file);
        assertThat(browser.findElement(By.id("rows-received")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("rows-applied")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#refused tr[data-line='3']")).getText())
                .contains("dispatch_id", "no dispatch " + foreign + " of Lyon Linen");
        assertThat(browser.findElement(By.cssSelector("#refused tr[data-line='4']")).getText())
                .contains("carrier", "LA POSTE Ü");
        screenshot("supplier-tracking-upload.png");

        awaitStatus(candleOrder, "SHIPPED", "IN_TRANSIT", "DELIVERED");
        Browsers.waitOn(browser, WAIT).until(d -> {
            d.get(console + "/supplier/dispatches/" + candle);
            return d.findElement(By.id("stage")).getText().equals("shipped");
        });
        upload(file);
        assertThat(browser.findElement(By.id("rows-applied")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("rows-unchanged")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("rows-refused")).getText()).isEqualTo("2");
    }

    private void assertTheAnswersWereAudited(String duvet) {
        List<PortalUpdateSent> audit = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OPS_AUDIT.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            EventSerde serde = new EventSerde();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    Event event = serde.deserialize(r.topic(), r.value());
                    if (event instanceof PortalUpdateSent sent && sent.dispatchId().equals(duvet)) {
                        audit.add(sent);
                    }
                });
                return audit.stream().map(PortalUpdateSent::update).toList()
                        .containsAll(List.of("DispatchAccepted", "DispatchShipped"));
            });
        }
        assertThat(audit).allSatisfy(sent -> {
            assertThat(sent.actor()).isEqualTo(SUPPLIER);
            assertThat(sent.supplierId()).isEqualTo(SUPPLIER);
        });
    }

    private void upload(Path file) {
        browser.get(console + "/supplier/dispatches");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type='submit']")).click();
        Browsers.waitOn(browser, WAIT).until(d -> !d.findElements(By.id("summary")).isEmpty());
    }

    private void signIn() {
        browser.get(console + "/supplier/dispatches");
        assertThat(browser.getCurrentUrl()).endsWith("/supplier/login");
        // the ops login is not a supplier login
        logIn(DemoKeys.OPS_USER, DemoKeys.OPS_PASSWORD);
        Browsers.waitOn(browser, WAIT).until(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong user name or password");
        logIn(SUPPLIER, DemoKeys.SUPPLIER_PORTAL_PASSWORD);
        Browsers.waitOn(browser, WAIT).until(d -> d.getCurrentUrl().contains("/supplier/dispatches"));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(SUPPLIER);
    }

    private void logIn(String user, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    private HttpRequest.Builder withSession(HttpRequest.Builder request) {
        String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return request.header("Cookie", "JSESSIONID=" + cookie);
    }

    /** Places an order as the demo storefront; returns its id. */
    private String placeOrder(String sku, int quantity) throws Exception {
        String ref = "PORTAL-" + run + "-" + sku;
        Map<String, Object> body = Map.of("externalRef", ref, "currency", "USD",
                "customer", Map.of("name", "Camille Dupont", "email", "camille@example.fr", "phone", "+33478000000",
                        "locale", "fr"),
                "shipTo", Map.of("line1", "3 rue de la République", "city", "Lyon", "postalCode", "69002",
                        "country", "FR"),
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)), "priority", "STANDARD",
                "paymentStatus", "PAID", "requests", Map.of("giftWrap", true, "invoice", false, "note", "Sonner deux fois"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(orders + "/api/v1/orders"))
                .header("X-Api-Key", DemoKeys.STOREFRONT_KEY).header("Idempotency-Key", ref)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).path("orderId").asString();
    }

    private JsonNode order(String orderId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(orders + "/api/v1/orders/" + orderId))
                .header("X-Api-Key", DemoKeys.STOREFRONT_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : Json.mapper().readTree("{}");
    }

    private String dispatchOf(String orderId, String supplierId) {
        String[] found = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (JsonNode f : order(orderId).path("fulfilments")) {
                if (f.path("supplierId").asString("").equals(supplierId) && !f.path("dispatchId").asString("").isEmpty()) {
                    found[0] = f.path("dispatchId").asString();
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private void awaitStatus(String orderId, String... statuses) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> List.of(statuses).contains(order(orderId).path("status").asString("")));
    }

    private void openBrowser() throws Exception {
        browser = Browsers.headlessChromium("supplier-portal", null);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }
}
