package com.openfulfil.dropship.gateway.domain;

import com.openfulfil.dropship.events.catalog.StockAllocated;
import com.openfulfil.dropship.events.fixtures.OrderFixtures;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.CustomsItem;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.supplier.DispatchRequested;
import com.openfulfil.dropship.gateway.Allocations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** R3.7: a dispatch that crosses a border carries its commercial invoice; one that does not, nothing. */
class CustomsTest {
    private static final Routing ROUTING = new Routing(Set.of("hanoi-crafts", "shenzhen-gadgets"),
            new PackingInstructions(true, "Acme Home", ""), Map.of("hanoi-crafts", "VN", "shenzhen-gadgets", "CN"));

    /** MUG-001 × 2 at hanoi-crafts (made in VN), LAMP-010 × 1 at shenzhen-gadgets (made in CN), sold at 10.00 each. */
    private static StockAllocated shippedTo(String country) {
        StockAllocated base = Allocations.anAllocation("o-1").line("MUG-001", 2, "hanoi-crafts", "HN-MUG", "4.20")
                .line("LAMP-010", 1, "shenzhen-gadgets", "SZ-LAMP", "14.00").build();
        OrderDetails order = base.order();
        List<OrderLine> lines = order.lines().stream().map(l -> new OrderLine(l.lineNo(), l.sku(), l.title(),
                l.quantity(), l.retailPrice(), l.salePrice(), l.sku().equals("MUG-001") ? "6912.00" : "9405.21",
                l.sku().equals("MUG-001") ? "VN" : "CN")).toList();
        Address to = new Address("12 Hàng Bạc", null, "Hà Nội", null, "100000", country);
        return new StockAllocated(base.eventId(), base.occurredAt(), base.orderId(), new OrderDetails(order.source(),
                order.currency(), order.customer(), to, lines, order.priority(), order.paymentStatus(),
                order.requests()), base.lines());
    }

    private static List<DispatchRequested> requests(StockAllocated allocated) {
        return OrderDispatches.allocate(allocated, ROUTING, OrderFixtures.T0).events().stream()
                .filter(DispatchRequested.class::isInstance).map(DispatchRequested.class::cast).toList();
    }

    @Test
    void anInternationalDispatchCarriesHsCodesOriginsAndDeclaredValues() {
        DispatchRequested fromHanoi = requests(shippedTo("GB")).get(0);

        assertThat(fromHanoi.customs()).isNotNull().satisfies(c -> {
            assertThat(c.invoiceNumber()).isEqualTo("INV-" + fromHanoi.dispatchId());
            assertThat(c.invoiceDate()).isEqualTo(LocalDate.ofInstant(OrderFixtures.T0, java.time.ZoneOffset.UTC));
            assertThat(c.seller()).isEqualTo("Acme Home");
            assertThat(c.exportCountry()).isEqualTo("VN");
            assertThat(c.importCountry()).isEqualTo("GB");
            assertThat(c.currency()).isEqualTo("USD");
            assertThat(c.incoterm()).isEqualTo("DAP");
            assertThat(c.items()).extracting(CustomsItem::sku, CustomsItem::hsCode, CustomsItem::countryOfOrigin,
                    CustomsItem::quantity, i -> i.unitValue().toPlainString(), i -> i.declaredValue().toPlainString())
                    .containsExactly(tuple("MUG-001", "6912.00", "VN", 2, "10.00", "20.00"));
            assertThat(c.totalDeclaredValue()).isEqualByComparingTo("20.00");
        });
    }

    @Test
    void aDomesticDispatchHasNoCustomsBlockWhileTheSameOrdersForeignPartHasOne() {
        List<DispatchRequested> toVietnam = requests(shippedTo("VN"));

        assertThat(toVietnam).extracting(DispatchRequested::supplierId, r -> r.customs() != null)
                .containsExactly(tuple("hanoi-crafts", false), tuple("shenzhen-gadgets", true));
        assertThat(new String(new EventSerde().serialize("t", toVietnam.get(0)), StandardCharsets.UTF_8))
                .doesNotContain("customs");
        assertThat(toVietnam.get(1).customs().items()).singleElement()
                .satisfies(i -> assertThat(i.hsCode()).isEqualTo("9405.21"));
    }

    @Test
    void aSupplierWithoutAConfiguredCountryGetsNoCustomsBlock() {
        Routing noCountries = new Routing(ROUTING.suppliers(), ROUTING.packing());
        assertThat(OrderDispatches.allocate(shippedTo("GB"), noCountries, OrderFixtures.T0).events())
                .filteredOn(DispatchRequested.class::isInstance).map(e -> ((DispatchRequested) e).customs())
                .containsOnlyNulls();
    }
}
