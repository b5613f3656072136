package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner app (R2.4, R6.3) in real headless Chromium over the real pipeline: the
 * broker, the five services and the ops console as processes, the simulated suppliers and carriers.
 * A partner signs in with their key, finds a product, tries the price rule's three cases (the
 * refusal is order-service's own), places an order that the suppliers ship and the carriers deliver,
 * and once an admin completes it sees the commission that commission-service worked out. Another
 * partner's order is not found, and the ops pages stay shut to a partner. Fails, never skips, when
 * Chromium or its driver is missing; screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
abstract class PartnerAppChecks {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRICE_RULE = "Selling price cannot be lower than the product's price";

    private LocalStack stack;
    private ServiceApis apis;
    private WebDriver browser;

    @BeforeAll
    void startThePipelineAndABrowser() throws Exception {
        stack = ConsoleBrowserIT.stack();
        apis = new ServiceApis(stack);
        // a Vietnamese partner's browser: the app starts in Vietnamese
        browser = Browsers.headlessChromium("partner-app", "vi-VN,vi");
    }

    @AfterAll
    void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void aFreshSession() {
        browser.get(console("/partner/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void aPartnerSignsInWithTheirKeyInTheirBrowsersLanguage() throws Exception {
        browser.get(console("/partner/orders"));
        assertThat(browser.getCurrentUrl()).endsWith("/partner/login");
        assertThat(text("h1")).isEqualTo("Đăng nhập đối tác");

        browser.findElement(By.id("apiKey")).sendKeys("pk_partner-lan_wrong");
        browser.findElement(By.id("sign-in")).click();
        // the click returns once the form is sent, maybe before the app's answer is on screen
        waitFor(d -> d.getCurrentUrl().contains("/partner/login?error="));
        assertThat(text("#signin-error")).isEqualTo("Đây không phải là mã đối tác. Vui lòng kiểm tra và thử lại.");

        signIn();
        // back to the page they asked for, with their name and never their key
        assertThat(browser.getCurrentUrl()).contains("/partner/orders");
        assertThat(text("#partner-name")).isEqualTo(DemoKeys.PARTNER_NAME);
        assertThat(browser.getPageSource()).doesNotContain(DemoKeys.PARTNER_KEY);

        browser.findElement(By.id("sign-out")).click();
        waitFor(d -> d.getCurrentUrl().contains("/partner/login?signedOut"));
        browser.get(console("/partner/orders"));
        assertThat(browser.getCurrentUrl()).endsWith("/partner/login");
    }

    @Test
    void thePriceRuleAllowsTheProductsPriceOrMoreAndOrderServiceRefusesLess() throws Exception {
        signIn();
        browser.findElement(By.id("lang-en")).click();
        search("mug");
        openProduct("MUG-001");
        assertThat(text("#price")).isEqualTo("$12.50");
        int ordersBefore = apis.partnerOrderCount(DemoKeys.PARTNER_KEY);

        openDialog();
        typePrice("12.50");
        assertThat(profit()).isEqualTo("0.00");
        assertThat(text("#profit")).isEqualTo("$0.00");
        browser.findElement(By.id("qty-plus")).click();
        typePrice("15.00");
        assertThat(profit()).isEqualTo("5.00");
        assertThat(text("#profit")).isEqualTo("$5.00");
        assertThat(browser.findElement(By.id("below")).isDisplayed()).isFalse();
        screenshot("partner-deliver-dialog.png");

        typePrice("12.49");
        assertThat(profit()).isEqualTo("-0.02");
        assertThat(browser.findElement(By.id("below")).isDisplayed()).isTrue();
        fillCustomer("Trần Văn Minh", "minh@example.vn", "12 Hàng Bạc", "Hà Nội");
        browser.findElement(By.id("deliver-submit")).click();

        // refused by order-service (its detail says nothing was created): back on the product page
        waitFor(d -> !d.findElements(By.id("refused")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/partner/products/MUG-001");
        assertThat(text("#refused strong")).isEqualTo(PRICE_RULE);
        assertThat(text("#refused-detail")).isEqualTo("A partner may sell at the product's price or above it; nothing was created.");
        assertThat(browser.findElement(By.id("deliver")).isDisplayed()).isFalse();
        assertThat(apis.partnerOrderCount(DemoKeys.PARTNER_KEY)).isEqualTo(ordersBefore);
        screenshot("partner-price-refused.png");

        // at the product's price: profit 0, and the order is placed
        openDialog();
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Trần Văn Minh");
        typePrice("12.50");
        assertThat(profit()).isEqualTo("0.00");
        browser.findElement(By.id("deliver-submit")).click();
        waitFor(d -> !d.findElements(By.id("placed")).isEmpty());
        assertThat(text("#expected-gross")).isEqualTo("$0.00");
        assertThat(text("#lines tr[data-sku='MUG-001'] .quantity")).isEqualTo("2");
    }

    @Test
    void theDialogAnswersOrderServicesProblemsFieldByField() throws Exception {
        signIn();
        browser.findElement(By.id("lang-en")).click();
        openProduct("LAMP-010");
        openDialog();
        typePrice("45");
        browser.findElement(By.id("deliver-submit")).click();

        waitFor(d -> !d.findElements(By.id("error-email")).isEmpty());
        assertThat(browser.findElement(By.id("deliver")).isDisplayed()).isTrue();
        assertThat(text("#deliver-problem")).isEqualTo("The request has invalid fields");
        assertThat(text("#error-name")).isEqualTo("must not be blank");
        assertThat(text("#error-line1")).isEqualTo("must not be blank");
        assertThat(text("#error-city")).isEqualTo("must not be blank");
        assertThat(browser.findElement(By.id("salePrice")).getAttribute("value")).isEqualTo("45");
        screenshot("partner-deliver-fields.png");
    }

    @Test
    void anOrderShipsAndOnceCompletedShowsTheCommissionCommissionServiceWorkedOut() throws Exception {
        signIn();
        // Vietnamese, from the browser; the đồng has no minor unit
        search("nón");
        openProduct("CONHAT-006");
        assertThat(text("#price")).isEqualTo("180.000 ₫");
        assertThat(text("#deliver-open")).isEqualTo("Giao hộ");
        openDialog();
        browser.findElement(By.id("qty-plus")).click();
        typePrice("200.000");
        assertThat(profit()).isEqualTo("40000");
        assertThat(text("#profit")).isEqualTo("40.000 ₫");
        fillCustomer("Trần Văn Minh", "minh@example.vn", "12 Hàng Bạc", "Hà Nội");
        browser.findElement(By.id("deliver-submit")).click();
        waitFor(d -> !d.findElements(By.id("placed")).isEmpty());
        String orderId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(text("#expected-gross")).isEqualTo("40.000 ₫");
        screenshot("partner-order-placed.png");

        // the simulated supplier ships, the carrier delivers; then the admin completes it (R2.6)
        apis.awaitStatus(orderId, "DELIVERED", Duration.ofSeconds(90));
        assertThat(apis.adminComplete(orderId)).isEqualTo(202);
        JsonNode commission = apis.awaitCommission(orderId, DemoKeys.PARTNER_KEY, Duration.ofSeconds(60));
        // 2 × (200 000 − 180 000) = 40 000; income tax 10 % = 4 000; platform fee 5 % of 36 000 + 5 000 = 6 800
        assertThat(commission.path("total").asString()).isEqualTo("29200");
        assertThat(commission.path("amountReceived").asString()).isEqualTo("29200");

        browser.get(console("/partner/orders/" + orderId));
        assertThat(text("#status")).isEqualTo("Hoàn thành");
        assertThat(text("#gross")).isEqualTo("40.000 ₫");
        assertThat(text("tr.deduction[data-code='PIT'] td")).isEqualTo("− 4.000 ₫");
        assertThat(text("tr.deduction[data-code='PLATFORM'] td")).isEqualTo("− 6.800 ₫");
        assertThat(text("#commission-total")).isEqualTo("29.200 ₫");
        assertThat(text("#commission-partner")).isEqualTo(DemoKeys.PARTNER_NAME);
        screenshot("partner-order-commission.png");

        browser.findElement(By.id("nav-orders")).click();
        By listed = By.cssSelector("#orders tr[data-order='" + orderId + "']");
        waitFor(d -> !d.findElements(listed).isEmpty());
        WebElement row = browser.findElement(listed);
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("Hoàn thành");
        row.findElement(By.cssSelector("details.commission summary")).click();
        assertThat(row.findElement(By.cssSelector("summary")).getText()).isEqualTo("Xem hoa hồng");
        assertThat(row.findElement(By.cssSelector(".partner-name")).getText()).isEqualTo(DemoKeys.PARTNER_NAME);
        assertThat(row.findElement(By.cssSelector(".amount-received")).getAttribute("data-amount"))
                .isEqualTo(commission.path("amountReceived").asString());
        assertThat(spaces(row.findElement(By.cssSelector(".amount-received")).getText())).isEqualTo("29.200 ₫");
        screenshot("partner-orders-commission.png");
    }

    @Test
    void aPartnerNeverSeesAnotherPartnersOrder() {
        String otherKey = apis.grantPartner("Lê Thu Hà", "ha-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn");
        String foreign = apis.awaitPartnerOrder(otherKey, "MUG-001", "13.00");

        signIn();
        browser.get(console("/partner/orders/" + foreign));
        assertThat(browser.findElements(By.id("not-found"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain("13.00").doesNotContain("13,00");
        browser.get(console("/partner/orders/" + UUID.randomUUID()));
        assertThat(browser.findElements(By.id("not-found"))).hasSize(1);
        browser.findElement(By.id("nav-orders")).click();
        assertThat(browser.findElements(By.cssSelector("#orders tr[data-order='" + foreign + "']"))).isEmpty();
    }

    @Test
    void aPartnerSessionOpensNoOpsPageAndAnOpsLoginIsNoPartnerLogin() {
        signIn();
        for (String page : List.of("/pipeline", "/dead-letters", "/stuck-orders", "/supplier/dispatches")) {
            browser.get(console(page));
            assertThat(browser.getCurrentUrl()).as(page).contains("/login").doesNotContain("/partner");
        }
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(apis.statusWithSession(console("/api/v1/pipeline"), session)).isEqualTo(401);
        assertThat(apis.statusWithSession(console("/partner/orders"), session)).isEqualTo(200);

        browser.manage().deleteAllCookies();
        browser.get(console("/login"));
        browser.findElement(By.id("username")).sendKeys(DemoKeys.OPS_USER);
        browser.findElement(By.id("password")).sendKeys(DemoKeys.OPS_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/pipeline"));
        browser.get(console("/partner/orders"));
        assertThat(browser.getCurrentUrl()).endsWith("/partner/login");
    }

    private void signIn() {
        browser.get(console("/partner/login"));
        browser.findElement(By.id("apiKey")).sendKeys(DemoKeys.PARTNER_KEY);
        browser.findElement(By.id("sign-in")).click();
        waitFor(d -> !d.findElements(By.id("partner-name")).isEmpty());
    }

    private void search(String query) {
        browser.findElement(By.id("nav-catalog")).click();
        browser.findElement(By.id("q")).sendKeys(query);
        browser.findElement(By.id("search")).click();
        waitFor(d -> d.getCurrentUrl().contains("q="));
    }

    private void openProduct(String sku) {
        if (browser.findElements(By.cssSelector("a.product[data-sku='" + sku + "']")).isEmpty()) {
            browser.get(console("/partner/products/" + sku));
        } else {
            browser.findElement(By.cssSelector("a.product[data-sku='" + sku + "']")).click();
        }
        waitFor(d -> !d.findElements(By.id("deliver-open")).isEmpty());
    }

    private void openDialog() {
        browser.findElement(By.id("deliver-open")).click();
        waitFor(d -> d.findElement(By.id("deliver")).isDisplayed());
    }

    private void typePrice(String price) {
        WebElement field = browser.findElement(By.id("salePrice"));
        field.clear();
        field.sendKeys(price);
    }

    private String profit() {
        return browser.findElement(By.id("profit")).getAttribute("data-amount");
    }

    private void fillCustomer(String name, String email, String line1, String city) {
        Map.of("name", name, "email", email, "line1", line1, "city", city).forEach((field, value) -> {
            WebElement input = browser.findElement(By.id(field));
            input.clear();
            input.sendKeys(value);
        });
    }

    /** The text of the element, once the page shows it. */
    private String text(String css) {
        By element = By.cssSelector(css);
        waitFor(d -> !d.findElements(element).isEmpty());
        return spaces(browser.findElement(element).getText());
    }

    /** Vietnamese money has a no-break space before the symbol. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ');
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        Browsers.waitOn(browser, WAIT)
                .withMessage(() -> "the browser is on " + browser.getCurrentUrl()).until(condition::apply);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String console(String path) {
        ServiceProcess console = stack.service(Service.OPS_CONSOLE);
        return console.baseUrl() + path;
    }
}
