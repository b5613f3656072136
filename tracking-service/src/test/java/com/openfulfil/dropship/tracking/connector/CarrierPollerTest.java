package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.tracking.CarrierCheckpoint;
import com.openfulfil.dropship.tracking.config.TrackingProperties.Polling;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller against a real HTTP query API on loopback, with real resilience4j retry and circuit breaker. */
class CarrierPollerTest {
    private final HttpServer carrier = server();
    private final Map<String, List<Integer>> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final List<CarrierCheckpoint> published = new CopyOnWriteArrayList<>();
    private List<String> onTheirWay = List.of("CP1", "CP2");

    private HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CarrierPoller poller() {
        carrier.createContext("/track/", exchange -> {
            queries.incrementAndGet();
            String trackingNumber = exchange.getRequestURI().getPath().substring("/track/".length());
            List<Integer> codes = scripted.getOrDefault(trackingNumber, new ArrayList<>(List.of(200)));
            int code = codes.size() > 1 ? codes.remove(0) : codes.get(0);
            byte[] body = code == 200 ? answer(trackingNumber).getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        carrier.start();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("colissimo", new ColissimoAdapter());
        return new CarrierPoller(new CarrierAdapters(beans.getBeanProvider(CarrierAdapter.class)), c -> onTheirWay,
                published::addAll,
                CircuitBreakerRegistry.of(Map.of(CarrierPoller.RESILIENCE_CONFIG, CircuitBreakerConfig.custom()
                        .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofHours(1))
                        .recordExceptions(CarrierUnavailableException.class).build())),
                RetryRegistry.of(Map.of(CarrierPoller.RESILIENCE_CONFIG, RetryConfig.custom().maxAttempts(3)
                        .waitDuration(Duration.ofMillis(5)).retryExceptions(CarrierUnavailableException.class).build())),
                Duration.ofSeconds(5), Clock.fixed(Instant.parse("2026-11-03T12:00:00Z"), ZoneOffset.UTC));
    }

    /** The carrier answers in the webhook format, in its own codes, with a stray event of another parcel. */
    private static String answer(String trackingNumber) {
        return """
                [{"eventId":"%1$s-a","trackingNumber":"%1$s","status":"PC1","time":"2026-11-02T10:00:00+01:00","location":"Lyon"},
                 {"eventId":"%1$s-b","trackingNumber":"%1$s","status":"MD2","time":"2026-11-03T08:00:00+01:00","location":"Paris"},
                 {"eventId":"x-1","trackingNumber":"SOMEONE-ELSE","status":"DI1","time":"2026-11-03T09:00:00Z"}]"""
                .formatted(trackingNumber);
    }

    private Polling polling() {
        return new Polling("COLISSIMO", "http://127.0.0.1:" + carrier.getAddress().getPort() + "/track/{trackingNumber}",
                null, Duration.ofMinutes(15));
    }

    @AfterEach
    void stop() {
        carrier.stop(0);
    }

    @Test
    void eachParcelOnItsWayIsAskedForAndItsCheckpointsNormalised() {
        CarrierPoller poller = poller();
        scripted.put("CP2", new ArrayList<>(List.of(404)));

        CarrierPoller.Round round = poller.poll(polling());

        assertThat(round).isEqualTo(new CarrierPoller.Round(2, 2, 0, false));
        assertThat(published).extracting(CarrierCheckpoint::trackingNumber).containsOnly("CP1");
        assertThat(published).extracting(CarrierCheckpoint::status)
                .containsExactly(ParcelStatus.IN_TRANSIT, ParcelStatus.OUT_FOR_DELIVERY);
        assertThat(published.get(1).checkpoint().rawStatus()).as("the raw checkpoint is kept").isEqualTo("MD2");
        assertThat(published.get(1).checkpoint().location()).isEqualTo("Paris");
        assertThat(published.get(1).carrier()).isEqualTo("COLISSIMO");
    }

    @Test
    void checkpointsHandedOnBeforeAreNotHandedOnAgain() {
        CarrierPoller poller = poller();
        onTheirWay = List.of("CP1");
        poller.poll(polling());
        published.clear();

        CarrierPoller.Round again = poller.poll(polling());

        assertThat(again).as("the carrier repeats both checkpoints").isEqualTo(new CarrierPoller.Round(1, 0, 0, false));
        assertThat(published).isEmpty();
        assertThat(queries.get()).isEqualTo(2);
    }

    @Test
    void aParcelThatLeftAndCameBackIsHandedOnAfresh() {
        CarrierPoller poller = poller();
        onTheirWay = List.of("CP1");
        poller.poll(polling());
        onTheirWay = List.of();
        poller.poll(polling());
        published.clear();
        onTheirWay = List.of("CP1");

        assertThat(poller.poll(polling()).checkpoints()).as("forgotten once it was no longer followed").isEqualTo(2);
        assertThat(published).hasSize(2);
    }

    @Test
    void aCarrierThatIsDownForAMomentIsAskedAgain() {
        CarrierPoller poller = poller();
        onTheirWay = List.of("CP1");
        scripted.put("CP1", new ArrayList<>(List.of(503, 503, 200)));

        assertThat(poller.poll(polling())).isEqualTo(new CarrierPoller.Round(1, 2, 0, false));
        assertThat(queries).hasValue(3);
    }

    @Test
    void aCarrierThatKeepsFailingIsPausedByItsCircuitBreaker() {
        CarrierPoller poller = poller();
        onTheirWay = List.of("CP1", "CP2", "CP3", "CP4", "CP5");
        for (String n : onTheirWay) {
            scripted.put(n, new ArrayList<>(List.of(503)));
        }

        CarrierPoller.Round first = poller.poll(polling());
        assertThat(first.skipped()).as("the breaker opened during the round").isTrue();
        assertThat(first.failed()).isEqualTo(4);
        int asked = queries.get();
        assertThat(asked).isEqualTo(4 * 3);

        assertThat(poller.poll(polling()).skipped()).isTrue();
        assertThat(queries).as("no call while the breaker is open").hasValue(asked);
        assertThat(published).isEmpty();
    }
}
