package com.openfulfil.dropship.catalog.connector;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.feed.FeedImporter;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.testing.PrivateBroker;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Pulling a supplier's feed from its URL, against a real HTTP server and a real broker. */
class FeedPullIT {
    private static final String CSV = """
            sku,supplierSku,title,cost,currency,stock
            PULL-1,LL-P1,"Nappe en lin, écrue",30.00,EUR,12
            PULL-2,LL-P2,Serviette,8.00,EUR,40
            """;

    private final AtomicInteger hits = new AtomicInteger();
    private final CountDownLatch releaseSlowAnswer = new CountDownLatch(1);
    private HttpServer server;
    private EventPublisher publisher;
    private FeedPuller puller;
    private volatile IntFunction<Answer> answers;

    record Answer(int status, String body, boolean slow) {
    }

    /** Its own broker: the feed rows this test writes must not reach the other tests' catalog.feed. */
    private static PrivateBroker broker;

    @BeforeAll
    static void feedTopic() throws InterruptedException, ExecutionException {
        broker = PrivateBroker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CATALOG_FEED.name(), 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/feed.csv", this::answer);
        server.start();
        publisher = new EventPublisher(broker.bootstrapServers(), "feed-pull-it");
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Map.of(FeedPuller.RESILIENCE_CONFIG,
                CircuitBreakerConfig.custom().slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofHours(1))
                        .recordExceptions(FeedUnavailableException.class).build()));
        RetryRegistry retries = RetryRegistry.of(Map.of(FeedPuller.RESILIENCE_CONFIG, RetryConfig.custom()
                .maxAttempts(3).waitDuration(Duration.ofMillis(20)).retryExceptions(FeedUnavailableException.class)
                .build()));
        puller = new FeedPuller(new FeedImporter(publisher, Clock.systemUTC(), new com.openfulfil.dropship.catalog.config.CatalogProperties(10, null, null, java.util.List.of(), "USD", Map.of("EUR", new java.math.BigDecimal("1.08")),
                java.time.Duration.ofSeconds(1), null, java.util.List.of())), breakers, retries,
                Duration.ofMillis(700), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        releaseSlowAnswer.countDown();
        server.stop(0);
        publisher.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Answer answer = answers.apply(hits.incrementAndGet());
        if (answer.slow()) {
            try {
                releaseSlowAnswer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/csv");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private CatalogProperties.PullFeed feed(String supplierId) {
        return new CatalogProperties.PullFeed(supplierId,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.csv"), "csv", Duration.ofMinutes(15));
    }

    @Test
    void aFailingUrlIsRetriedUntilTheFeedComes() {
        answers = hit -> hit < 3 ? new Answer(503, "busy", false) : new Answer(200, CSV, false);

        PullStatus status = puller.pull(feed("lyon-linen"));

        assertThat(status.outcome()).isEqualTo(PullStatus.Outcome.IMPORTED);
        assertThat(status.report().rowsApplied()).isEqualTo(2);
        assertThat(hits).hasValue(3);
        assertThat(puller.last("lyon-linen")).contains(status);
        try (TopicReader feedTopic = new TopicReader(broker.bootstrapServers(), Topics.CATALOG_FEED.name())) {
            feedTopic.until(Duration.ofSeconds(30), seen -> seen.stream().filter(r -> r.key().startsWith("PULL-")).count() >= 2);
            assertThat(feedTopic.valuesOf(OfferFeedRow.class)).filteredOn(r -> r.sku().equals("PULL-1"))
                    .allSatisfy(r -> assertThat(r.title()).isEqualTo("Nappe en lin, écrue"));
        }
    }

    @Test
    void aTimeoutIsRetried() {
        answers = hit -> hit == 1 ? new Answer(200, CSV, true) : new Answer(200, CSV, false);

        PullStatus status = puller.pull(feed("timeout-supplier"));

        assertThat(status.outcome()).isEqualTo(PullStatus.Outcome.IMPORTED);
        assertThat(hits).hasValue(2);
    }

    @Test
    void aUrlThatKeepsFailingOpensTheCircuitAndIsThenLeftAlone() {
        answers = hit -> new Answer(500, "down", false);

        PullStatus first = puller.pull(feed("down-supplier"));
        assertThat(first.outcome()).isEqualTo(PullStatus.Outcome.FAILED);
        assertThat(first.circuit()).as("one failed pull (3 attempts) is not yet a pattern").isEqualTo("CLOSED");
        assertThat(hits).hasValue(3);

        PullStatus second = puller.pull(feed("down-supplier"));
        assertThat(second.outcome()).isEqualTo(PullStatus.Outcome.FAILED);
        assertThat(second.circuit()).isEqualTo("OPEN");
        int hitsWhenOpened = hits.get();

        PullStatus third = puller.pull(feed("down-supplier"));
        assertThat(third.outcome()).isEqualTo(PullStatus.Outcome.SKIPPED_CIRCUIT_OPEN);
        assertThat(hits).as("an open circuit does not call the supplier").hasValue(hitsWhenOpened);
    }

    @Test
    void aMalformedFeedIsReportedNotRetried() {
        answers = hit -> new Answer(200, "title,stock\nMug,3\n", false);

        PullStatus status = puller.pull(feed("bad-file-supplier"));

        assertThat(status.outcome()).isEqualTo(PullStatus.Outcome.MALFORMED);
        assertThat(status.error()).contains("sku and supplierSku");
        assertThat(hits).hasValue(1);
        assertThat(status.circuit()).isEqualTo("CLOSED");
    }
}
