package com.openfulfil.dropship.supplierportal.connector;

import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchShipped;
import com.openfulfil.dropship.supplierportal.domain.PortalAnswers;
import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the portal sends is what supplier-gateway verifies, and a repeated answer is the same update. */
class PortalSigningTest {
    private static final String SECRET = "ss_demo_lyon-linen";
    private final PortalDispatch dispatch = PortalDispatch.sent("lyon-linen", "dsp-7f3a", "ord-1001", OrderFixtures.T0);

    @Test
    void signsTheRawBodyAsTheSupplierApiSpecifies() throws Exception {
        DispatchShipped shipped = PortalAnswers.ship(dispatch, "COLISSIMO", List.of("6A123456789", "6A987654321"),
                Instant.parse("2026-11-03T08:00:00Z"));
        SupplierUpdates.Signed signed = SupplierUpdates.sign(shipped, SECRET);

        // what `openssl dgst -sha256 -hmac <secret>` prints over the body, as the example in docs/suppliers.md does
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(signed.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.body())));
        assertThat(Signatures.verify(SECRET, signed.body(), signed.signature())).isTrue();
        assertThat(Signatures.verify("ss_demo_hanoi-crafts", signed.body(), signed.signature())).isFalse();

        String json = new String(signed.body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"DispatchShipped\"", "\"supplierId\":\"lyon-linen\"");
        assertThat(new EventSerde().deserialize("supplier.lyon-linen.updates", signed.body())).isEqualTo(shipped);
    }

    @Test
    void theSameAnswerAlwaysHasTheSameEventId() {
        Instant first = Instant.parse("2026-11-03T08:00:00Z");
        Instant again = first.plusSeconds(2);
        assertThat(PortalAnswers.accept(dispatch, again).eventId()).isEqualTo(PortalAnswers.accept(dispatch, first).eventId());
        assertThat(PortalAnswers.ship(dispatch, "DHL", List.of("JD2", "JD1"), again).eventId())
                .isEqualTo(PortalAnswers.ship(dispatch, "DHL", List.of("JD1", "JD2"), first).eventId())
                .isNotEqualTo(PortalAnswers.ship(dispatch, "DHL", List.of("JD1", "JD3"), first).eventId());
        assertThat(PortalAnswers.reject(dispatch, RejectionReason.ADDRESS, "", again).eventId())
                .isEqualTo(PortalAnswers.reject(dispatch, RejectionReason.OUT_OF_STOCK, "none left", first).eventId())
                .isNotEqualTo(PortalAnswers.accept(dispatch, first).eventId());
        PortalDispatch other = PortalDispatch.sent("hanoi-crafts", "dsp-7f3a", "ord-1001", OrderFixtures.T0);
        assertThat(PortalAnswers.accept(other, first).eventId()).isNotEqualTo(PortalAnswers.accept(dispatch, first).eventId());
    }
}
