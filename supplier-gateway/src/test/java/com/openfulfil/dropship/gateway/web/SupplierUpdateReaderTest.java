package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SupplierUpdateReaderTest {
    private static final String SHIPPED = """
            {"type":"DispatchShipped","eventId":"e-1","occurredAt":"2026-11-02T09:15:00Z","orderId":"o-1",
             "dispatchId":"d-1","supplierId":"hanoi-crafts","carrier":"VNPOST","trackingNumbers":["VN1"]}""";

    @Test
    void readsAnUpdateInTheTopicsJsonShape() {
        assertThat(SupplierUpdateReader.read(bytes(SHIPPED))).isInstanceOfSatisfying(DispatchShipped.class, s -> {
            assertThat(s.trackingNumbers()).containsExactly("VN1");
            assertThat(s.supplierId()).isEqualTo("hanoi-crafts");
        });
    }

    @Test
    void namesEveryMissingField() {
        ApiProblem problem = refused("""
                {"type":"DispatchShipped","eventId":"e-1","occurredAt":"2026-11-02T09:15:00Z","orderId":" ",
                 "supplierId":"hanoi-crafts","trackingNumbers":[]}""");

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).extracting(FieldProblem::field)
                .containsExactly("orderId", "dispatchId", "carrier", "trackingNumbers");
    }

    @Test
    void readsParcelsThatSayWhatTheyHoldAndNamesEachBadOne() {
        String parcels = SHIPPED.replace("\"trackingNumbers\":[\"VN1\"]", """
                "parcels":[{"trackingNumber":"VN1","items":[{"lineNo":1,"quantity":2}]},{"trackingNumber":"VN2"}]""");
        assertThat(SupplierUpdateReader.read(bytes(parcels))).isInstanceOfSatisfying(DispatchShipped.class, s -> {
            assertThat(s.trackingNumbers()).containsExactly("VN1", "VN2");
            assertThat(s.allParcels().get(1).namesContents()).as("VN2 holds what is left").isFalse();
        });

        ApiProblem problem = refused(SHIPPED.replace("\"trackingNumbers\":[\"VN1\"]", """
                "trackingNumbers":["VN1"],"parcels":[{"trackingNumber":"VN9","items":[{"quantity":0}]},
                {"items":[]},{"trackingNumber":"VN1","items":[{"lineNo":"one","quantity":1}]}]"""));
        assertThat(problem.errors()).extracting(FieldProblem::field).containsExactly("parcels[0].trackingNumber",
                "parcels[0].items[0].lineNo", "parcels[0].items[0].quantity", "parcels[1].trackingNumber",
                "parcels[1].items", "parcels[2].items[0].lineNo");
    }

    @Test
    void refusesAnEventThatIsNotASupplierUpdate() {
        ApiProblem problem = refused(SHIPPED.replace("DispatchShipped", "DispatchRequested"));

        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("type");
            assertThat(e.message()).contains("DispatchAccepted", "DispatchShipped", "DispatchRejected");
        });
    }

    @Test
    void namesAFieldWhoseValueCannotBeRead() {
        assertThat(refused(SHIPPED.replace("2026-11-02T09:15:00Z", "yesterday")).errors())
                .extracting(FieldProblem::field).containsExactly("occurredAt");
        assertThat(refused("""
                {"type":"DispatchRejected","eventId":"e-1","occurredAt":"2026-11-02T09:15:00Z","orderId":"o-1",
                 "dispatchId":"d-1","supplierId":"hanoi-crafts","reason":"BORED"}""").errors())
                .extracting(FieldProblem::field).containsExactly("reason");
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        assertThat(refused("[1,2]").status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused("{\"type\":").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("JSON object"));
    }

    private static ApiProblem refused(String json) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> SupplierUpdateReader.read(bytes(json)));
        assertThat(problem).as("refused: " + json).isNotNull();
        return problem;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
