package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.demo.DemoCatalog;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.demo.DemoOrders;
import com.openfulfil.dropship.local.demo.OrderApi;
import com.openfulfil.dropship.local.demo.PlannedOrder;
import com.openfulfil.dropship.local.process.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops console's stuck-orders page acting on a real pipeline: an order delivered but never
 * confirmed by its customer sits past the (in {@link ConsoleBrowserIT} one-second) DELIVERED deadline; an operator logs in,
 * finds it on the page and completes it, and order-service completes the order; the suppliers page
 * then shows the supplier's scorecard as supplier-gateway keeps it. An order its supplier sits on is
 * rerouted to the backup supplier from the same page.
 */
abstract class StuckOrdersChecks {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LocalStack stack;
    private WebDriver browser;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void anOperatorCompletesADeliveredOrderNobodyConfirmed() throws Exception {
        stack = ConsoleBrowserIT.stack();
        OrderApi api = new OrderApi(stack.service(Service.ORDER).baseUrl());

        PlannedOrder order = DemoOrders.plan("stuck", 10).stream()
                .filter(o -> !o.isPartner() && o.expected() == OrderStatus.COMPLETED)
                .filter(o -> !o.suppliers().contains(DemoKeys.PORTAL_SUPPLIER)).findFirst().orElseThrow();
        String orderId = placeAndAwait(api, order, "DELIVERED");
        String console = stack.service(Service.OPS_CONSOLE).baseUrl();
        By row = By.cssSelector("#stuck tr[data-order='" + orderId + "']");
        WebElement stuck = stuckRow(console, orderId);
        assertThat(stuck.getText()).contains("DELIVERED");
        assertThat(stuck.findElements(By.cssSelector("button[data-action='cancel']")))
                .as("a delivered order cannot be cancelled, so the page does not offer it").isEmpty();
        screenshot("stuck-orders.png");

        stuck.findElement(By.cssSelector("button[data-action='complete']")).click();
        assertThat(outcome()).contains("Complete sent for order " + orderId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(api, orderId)).isEqualTo("COMPLETED"));
        Browsers.waitOn(browser, WAIT).until(d -> {
            d.get(console + "/stuck-orders");
            return d.findElements(row).isEmpty();
        });

        // the suppliers page shows the supplier's scorecard from supplier-gateway: it shipped on time
        String supplier = order.suppliers().get(0);
        By onTime = By.cssSelector("#suppliers tr[data-supplier='" + supplier + "'] td[data-metric='onTimeShipmentRate']");
        Browsers.waitOn(browser, WAIT).until(d -> {
            d.get(console + "/suppliers");
            return !d.findElements(onTime).isEmpty() && d.findElement(onTime).getText().equals("100.0 %");
        });
        assertThat(browser.findElements(By.cssSelector("#suppliers td.flag[data-metric='onTimeShipmentRate']")))
                .as("no supplier missed its on-time target").isEmpty();
    }

    /**
     * A towel order sits at lyon-linen, which answers nothing unless someone uses its portal: past
     * the (one-second) DISPATCHED deadline the operator reroutes it; lyon-linen agrees to cancel, and
     * the line goes to its backup offer at hanoi-crafts, which ships it to the customer.
     */
    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void anOperatorReroutesAnOrderItsSupplierSitsOn() throws Exception {
        stack = ConsoleBrowserIT.stack();
        OrderApi api = new OrderApi(stack.service(Service.ORDER).baseUrl());
        List<PlannedOrder.Line> towel = List.of(new PlannedOrder.Line(DemoCatalog.TOWEL, 2, null));
        PlannedOrder planned = new PlannedOrder("REROUTE-1", PlannedOrder.Kind.STOREFRONT_SINGLE, towel,
                DemoOrders.body("REROUTE-1", towel, DemoOrders.customer(3), 1), OrderStatus.COMPLETED);
        String orderId = placeAndAwait(api, planned, "DISPATCHED");
        String console = stack.service(Service.OPS_CONSOLE).baseUrl();
        WebElement stuck = stuckRow(console, orderId);
        WebElement reroute = stuck.findElement(By.cssSelector("button[data-action='reroute']"));
        WebElement form = reroute.findElement(By.xpath("./.."));
        form.findElement(By.name("reason")).sendKeys("no answer from Lyon");
        reroute.click();
        assertThat(outcome()).contains("Reroute sent for order " + orderId, "lyon-linen \u2192 hanoi-crafts");

        // lyon-linen agrees to drop it (as it would from its portal or its own system)
        String dispatchId = fulfilmentAt(api, orderId, DemoKeys.PORTAL_SUPPLIER);
        new ServiceApis(stack).supplierUpdate(DemoKeys.PORTAL_SUPPLIER,
                Map.of("type", "CancellationAccepted", "eventId", "reroute-cancel-" + orderId,
                        "occurredAt", Instant.now().toString(), "orderId", orderId, "dispatchId", dispatchId,
                        "supplierId", DemoKeys.PORTAL_SUPPLIER));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(status(api, orderId)).isIn("DELIVERED", "COMPLETED");
            assertThat(fulfilmentAt(api, orderId, "hanoi-crafts")).isNotEmpty();
        });
        Browsers.waitOn(browser, WAIT).until(d -> {
            d.get(console + "/stuck-orders");
            return d.findElements(By.cssSelector("#stuck tr[data-order='" + orderId + "'] td"))
                    .stream().noneMatch(td -> td.getText().equals("DISPATCHED"));
        });
    }

    /** The dispatch id of the order's part at {@code supplierId}, as order-service shows it; "" if none. */
    private static String fulfilmentAt(OrderApi api, String orderId, String supplierId) {
        for (var f : api.get(orderId).json().path("fulfilments")) {
            if (f.path("supplierId").asString().equals(supplierId)) {
                return f.path("dispatchId").asString();
            }
        }
        return "";
    }

    private static String placeAndAwait(OrderApi api, PlannedOrder order, String status) {
        OrderApi.Response placed = api.place(order);
        assertThat(placed.isSuccess()).as(placed.body()).isTrue();
        String orderId = placed.json().path("orderId").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(api, orderId)).isEqualTo(status));
        return orderId;
    }

    /** Logs in and waits until the order shows on the stuck-orders page; its row. */
    private WebElement stuckRow(String console, String orderId) throws Exception {
        openBrowser();
        logIn(console + "/stuck-orders");
        By row = By.cssSelector("#stuck tr[data-order='" + orderId + "']");
        Browsers.waitOn(browser, WAIT).until(d -> {
            d.get(console + "/stuck-orders");
            return !d.findElements(row).isEmpty();
        });
        return browser.findElement(row);
    }

    /**
     * What the page said after an action, once the browser has followed the form's redirect: the
     * done message, or the problem it reported (which then fails the assertion on it).
     */
    private String outcome() {
        By said = By.cssSelector("#done, #problem");
        Browsers.waitOn(browser, WAIT).until(d -> !d.findElements(said).isEmpty());
        return browser.findElement(said).getText();
    }

    private void logIn(String page) {
        browser.get(page);
        browser.findElement(By.id("username")).sendKeys(DemoKeys.OPS_USER);
        browser.findElement(By.id("password")).sendKeys(DemoKeys.OPS_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    private static String status(OrderApi api, String orderId) {
        OrderApi.Response response = api.get(orderId);
        return response.isSuccess() ? response.json().path("status").asString() : "";
    }

    private void openBrowser() throws Exception {
        browser = Browsers.headlessChromium("stuck-orders", null);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }
}
