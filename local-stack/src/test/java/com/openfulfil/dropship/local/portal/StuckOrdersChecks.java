package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.local.LocalStack;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops console's stuck-orders page acting on a real pipeline: an order delivered but never
 * confirmed by its customer sits past the (in {@link ConsoleBrowserIT} one-second) DELIVERED deadline; an operator logs in,
 * finds it on the page and completes it, and order-service completes the order; the suppliers page
 * then shows the supplier's scorecard as supplier-gateway keeps it.
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
        OrderApi.Response placed = api.place(order);
        assertThat(placed.isSuccess()).as(placed.body()).isTrue();
        String orderId = placed.json().path("orderId").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(api, orderId)).isEqualTo("DELIVERED"));

        openBrowser();
        String console = stack.service(Service.OPS_CONSOLE).baseUrl();
        browser.get(console + "/stuck-orders");
        browser.findElement(By.id("username")).sendKeys(DemoKeys.OPS_USER);
        browser.findElement(By.id("password")).sendKeys(DemoKeys.OPS_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        By row = By.cssSelector("#stuck tr[data-order='" + orderId + "']");
        new WebDriverWait(browser, WAIT).until(d -> {
            d.get(console + "/stuck-orders");
            return !d.findElements(row).isEmpty();
        });
        WebElement stuck = browser.findElement(row);
        assertThat(stuck.getText()).contains("DELIVERED");
        assertThat(stuck.findElements(By.cssSelector("button[data-action='cancel']")))
                .as("a delivered order cannot be cancelled, so the page does not offer it").isEmpty();
        screenshot("stuck-orders.png");

        stuck.findElement(By.cssSelector("button[data-action='complete']")).click();
        assertThat(browser.findElement(By.id("done")).getText()).contains("Complete sent for order " + orderId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(api, orderId)).isEqualTo("COMPLETED"));
        new WebDriverWait(browser, WAIT).until(d -> {
            d.get(console + "/stuck-orders");
            return d.findElements(row).isEmpty();
        });

        // the suppliers page shows the supplier's scorecard from supplier-gateway: it shipped on time
        String supplier = order.suppliers().get(0);
        By onTime = By.cssSelector("#suppliers tr[data-supplier='" + supplier + "'] td[data-metric='onTimeShipmentRate']");
        new WebDriverWait(browser, WAIT).until(d -> {
            d.get(console + "/suppliers");
            return !d.findElements(onTime).isEmpty() && d.findElement(onTime).getText().equals("100.0 %");
        });
        assertThat(browser.findElements(By.cssSelector("#suppliers td.flag[data-metric='onTimeShipmentRate']")))
                .as("no supplier missed its on-time target").isEmpty();
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
