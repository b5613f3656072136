package com.openfulfil.dropship.gateway.config;

import com.openfulfil.dropship.gateway.domain.Scorecard;
import com.openfulfil.dropship.gateway.domain.ScorecardReport;
import com.openfulfil.dropship.gateway.web.SupplierFigures;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * Every configured supplier's scorecard as gauges, read from the store at each scrape:
 * {@code dropship_supplier_<figure>{supplier}} for the counts and each scorecard metric
 * ({@code dropship_supplier_on_time_shipment_rate}, {@code ..._accept_hours_p90}, ...). A figure with no
 * data yet, or a store being restored, reads NaN.
 */
@Configuration(proxyBeanMethods = false)
class SupplierMetrics {

    @Bean
    SmartInitializingSingleton supplierGauges(GatewayProperties properties, SupplierFigures figures,
                                              MeterRegistry registry) {
        return () -> properties.supplierIds().forEach(id -> register(id, figures, registry));
    }

    private static void register(String supplierId, SupplierFigures figures, MeterRegistry registry) {
        gauge(registry, supplierId, "dispatches", figures, Scorecard::dispatches);
        gauge(registry, supplierId, "shipped", figures, Scorecard::shipped);
        gauge(registry, supplierId, "rejected", figures, Scorecard::rejected);
        gauge(registry, supplierId, "sla.breaches", figures, Scorecard::slaBreaches);
        ScorecardReport.of(Scorecard.empty(supplierId), Instant.EPOCH).metrics().forEach(metric ->
                gauge(registry, supplierId, name(metric.key()), figures, card -> ScorecardReport.of(card, Instant.EPOCH)
                        .metrics().stream().filter(m -> m.key().equals(metric.key())).findFirst()
                        .map(ScorecardReport.Metric::value).orElse(Double.NaN)));
    }

    private static void gauge(MeterRegistry registry, String supplierId, String figure, SupplierFigures figures,
                              ToDoubleFunction<Scorecard> value) {
        Gauge.builder("dropship.supplier." + figure, figures, f -> read(f, supplierId, value))
                .tag("supplier", supplierId).register(registry);
    }

    private static double read(SupplierFigures figures, String supplierId, ToDoubleFunction<Scorecard> value) {
        try {
            return value.applyAsDouble(figures.scorecard(supplierId));
        } catch (StoreUnavailableException e) {
            return Double.NaN;
        }
    }

    /** onTimeShipmentRate → on.time.shipment.rate, which Prometheus writes on_time_shipment_rate. */
    static String name(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase();
    }
}
