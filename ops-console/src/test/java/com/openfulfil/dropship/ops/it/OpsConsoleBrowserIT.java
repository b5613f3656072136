package com.openfulfil.dropship.ops.it;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.ops.OpsConsoleApplication;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in real headless Chromium against a real broker: log in, watch the funnel move as
 * orders change status, open a dead letter, replay it, and see it leave the list with an audit row.
 * Fails, never skips, when Chromium or its driver is missing (./dropship test installs them).
 */
@SpringBootTest(classes = OpsConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OpsConsoleBrowserIT extends KafkaIntegrationTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(40);

    @LocalServerPort
    int port;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        assertThat(CHROMIUM).as("Chromium (Debian package chromium)").exists();
        assertThat(CHROMEDRIVER).as("ChromeDriver (Debian package chromium-driver)").exists();
        profile = Files.createTempDirectory("ops-console-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorWatchesTheFunnelMoveAndReplaysADeadLetter() throws Exception {
        logIn();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#funnel tr[data-status='PLACED'] .count")).isEmpty());
        long placed = funnel(OrderStatus.PLACED);
        long confirmed = funnel(OrderStatus.CONFIRMED);

        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            ConsoleEvents.orderMoved("ord-b-" + run + "-" + i, "evt-b-" + run + "-" + i, null, OrderStatus.PLACED);
        }
        ConsoleEvents.orderMoved("ord-b-" + run + "-1", "evt-b-" + run + "-1c", OrderStatus.PLACED, OrderStatus.CONFIRMED);

        wait.until(d -> funnel(OrderStatus.PLACED) == placed + 2 && funnel(OrderStatus.CONFIRMED) == confirmed + 1);
        wait.until(d -> !d.findElements(By.cssSelector("#topics tr[data-topic='orders.lifecycle']")).isEmpty());
        // the last hour, drawn by uPlot from the console's own jar: a canvas per chart, a series per stage
        wait.until(d -> d.findElements(By.cssSelector("figure.chart canvas")).size() == 3);
        wait.until(d -> Integer.parseInt(d.findElement(By.id("chart-written")).getDomAttribute("data-series")) > 0);
        assertThat(browser.findElement(By.id("chart-written")).getText()).contains("order-service");
        screenshot("pipeline.png");

        String orderId = "ord-b-" + run + "-dlq";
        RecordMetadata parked = ConsoleEvents.parked(Topics.ORDERS_PLACED.name(), "catalog-service", orderId,
                "{\"type\":\"OrderPlaced\",\"orderId\":\"" + orderId + "\",}", Map.of("trace-id", "t-" + run));
        String letter = Topics.dlq(Topics.ORDERS_PLACED.name(), "catalog-service") + "-" + parked.partition() + "@"
                + parked.offset();
        By row = By.cssSelector("tr[data-letter='" + letter + "']");
        wait.until(d -> {
            d.get(url("/dead-letters"));
            return !d.findElements(row).isEmpty();
        });
        assertThat(browser.findElement(row).findElement(By.cssSelector(".key")).getText()).isEqualTo(orderId);
        assertThat(browser.findElement(row).findElement(By.cssSelector(".error")).getText())
                .contains("Not a valid Event on orders.placed");
        screenshot("dead-letters.png");

        browser.findElement(row).findElement(By.cssSelector("button.replay")).click();

        wait.until(d -> d.findElements(row).isEmpty());
        assertThat(browser.findElement(By.id("done")).getText()).contains("Replayed " + letter);
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("ops", "replayed to orders.placed", orderId);
        screenshot("dead-letters-replayed.png");

        ConsumerRecord<byte[], byte[]> replayed = replayedOnto(Topics.ORDERS_PLACED.name(), orderId);
        assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).contains("\"orderId\":\"" + orderId + "\",}");
        List<String> headers = new ArrayList<>();
        for (Header header : replayed.headers()) {
            headers.add(header.key());
        }
        assertThat(headers).containsExactly("trace-id");
    }

    private void logIn() {
        browser.get(url("/pipeline"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("ops");
        browser.findElement(By.id("password")).sendKeys("ops-demo-password");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/pipeline"));
    }

    private long funnel(OrderStatus status) {
        return Long.parseLong(browser.findElement(By.cssSelector("#funnel tr[data-status='" + status + "'] .count"))
                .getText());
    }

    private ConsumerRecord<byte[], byte[]> replayedOnto(String topic, String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
