package com.openfulfil.dropship.console.web;

import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardTest {
    private static final String JSON = """
            {"supplierId":"lyon-linen","asOf":"2026-11-30T00:00:00Z","dispatches":120,"shipped":110,"rejected":4,"slaBreaches":3,
             "metrics":[
              {"key":"onTimeShipmentRate","label":"On-time shipment rate","value":0.97,"unit":"ratio","target":0.95,"comparison":"AT_LEAST","met":true},
              {"key":"medianResponseHours","label":"Response time (median)","value":30.5,"unit":"hours","target":24,"comparison":"AT_MOST","met":false},
              {"key":"orderErrorRate","value":null,"unit":"ratio","target":0.02,"comparison":"AT_MOST","met":null},
              {"key":"parcelsPerDay","label":"Parcels per day","value":12,"unit":"parcels"}]}
            """;

    private final Scorecard card = Scorecard.of(Json.mapper().readTree(JSON));

    @Test
    void showsEachMetricInItsUnitWithItsTargetAndVerdict() {
        assertThat(card.dispatches()).isEqualTo(120);
        assertThat(card.slaBreaches()).isEqualTo(3);
        Scorecard.Metric onTime = card.metric("onTimeShipmentRate").orElseThrow();
        assertThat(onTime.shownValue()).isEqualTo("97.0 %");
        assertThat(onTime.shownTarget()).isEqualTo("at least 95.0 %");
        assertThat(onTime.verdict()).isEqualTo("met");
        Scorecard.Metric response = card.metric("medianResponseHours").orElseThrow();
        assertThat(response.shownValue()).isEqualTo("30.5 h");
        assertThat(response.shownTarget()).isEqualTo("at most 24.0 h");
        assertThat(response.verdict()).isEqualTo("missed");
    }

    @Test
    void aMetricWithoutDataOrLabelOrTargetStillShows() {
        Scorecard.Metric errors = card.metric("orderErrorRate").orElseThrow();
        assertThat(errors.label()).isEqualTo("orderErrorRate");
        assertThat(errors.shownValue()).isEqualTo("no data yet");
        assertThat(errors.verdict()).isEmpty();
        Scorecard.Metric parcels = card.metric("parcelsPerDay").orElseThrow();
        assertThat(parcels.shownValue()).isEqualTo("12.00 parcels");
        assertThat(parcels.shownTarget()).isEmpty();
        assertThat(card.metric("unknown")).isEmpty();
    }
}
