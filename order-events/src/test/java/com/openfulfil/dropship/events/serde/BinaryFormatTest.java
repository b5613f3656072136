package com.openfulfil.dropship.events.serde;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventHeaders;
import com.openfulfil.dropship.events.fixtures.SampleEvents;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binary format carries every event of the contract exactly, and stays readable as records grow. */
class BinaryFormatTest {
    private final EventSerde serde = new EventSerde();

    @TestFactory
    Stream<DynamicTest> everySampleRoundTripsInTheBinaryFormat() {
        return SampleEvents.all().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            byte[] written = serde.serialize(Topics.ORDERS_LIFECYCLE.name(), event);
            assertThat(Binary.isBinary(written)).isTrue();
            assertThat(serde.deserialize(Topics.ORDERS_LIFECYCLE.name(), written)).isEqualTo(event);
            assertThat(written.length).as("binary is smaller than JSON")
                    .isLessThan(Json.mapper().writeValueAsBytes(event).length);
        }));
    }

    @Test
    void theRegistrySaysWhereJsonStays() {
        assertThat(Topics.format(Topics.ORDERS_PLACED.name())).isEqualTo(Format.BINARY);
        assertThat(Topics.format(Topics.supplierDispatch("hanoi-crafts").name())).isEqualTo(Format.JSON);
        assertThat(Topics.format(Topics.supplierUpdates("hanoi-crafts").name())).isEqualTo(Format.JSON);
        assertThat(Topics.format(Topics.OPS_AUDIT.name())).isEqualTo(Format.JSON);
        assertThat(Topics.format("orders.placed.order-service.dlq")).isEqualTo(Format.JSON);
        byte[] dispatch = serde.serialize(Topics.supplierDispatch("hanoi-crafts").name(), SampleEvents.all().get(0));
        assertThat(dispatch[0]).isEqualTo((byte) '{');
    }

    @Test
    void eitherFormatReadsOnAnyTopic() {
        Event placed = SampleEvents.all().get(0);
        byte[] json = Json.mapper().writeValueAsBytes(placed);
        assertThat(serde.deserialize(Topics.ORDERS_PLACED.name(), json)).isEqualTo(placed);
        byte[] binary = Binary.write(placed, Event.class);
        assertThat(serde.deserialize("supplier.x.dispatch", binary)).isEqualTo(placed);
    }

    @Test
    void theTypeTravelsInAHeaderAndAReaderSkipsWhatItDoesNotHandleWithoutDecoding() {
        Event placed = SampleEvents.all().get(0);
        RecordHeaders headers = new RecordHeaders();
        byte[] written = serde.serialize(Topics.ORDERS_PLACED.name(), headers, placed);
        assertThat(EventHeaders.type(headers)).isEqualTo("OrderPlaced");
        EventSerde onlyCommands = new EventSerde(EventSerde.names(com.openfulfil.dropship.events.order.OrderCommand.class));
        byte[] garbage = Arrays.copyOf(written, 3);
        assertThat(onlyCommands.deserialize(Topics.ORDERS_PLACED.name(), headers, garbage)).isNull();
        EventSerde placedToo = new EventSerde(EventSerde.names(OrderPlaced.class));
        assertThat(placedToo.deserialize(Topics.ORDERS_PLACED.name(), headers, written)).isEqualTo(placed);
        assertThatThrownBy(() -> placedToo.deserialize(Topics.ORDERS_PLACED.name(), headers, garbage))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aTruncatedOrCorruptValueIsRefusedWithAReason() {
        byte[] written = serde.serialize(Topics.ORDERS_PLACED.name(), SampleEvents.all().get(0));
        for (int cut = 2; cut < written.length; cut += 7) {
            byte[] truncated = Arrays.copyOf(written, cut);
            assertThatThrownBy(() -> serde.deserialize(Topics.ORDERS_PLACED.name(), truncated))
                    .isInstanceOf(SerializationException.class).hasMessageContaining(Topics.ORDERS_PLACED.name());
        }
    }

    record Before(String id, int count, List<String> tags) {
    }

    record After(String id, int count, List<String> tags, BigDecimal amount, Instant at, boolean flag,
                 Map<String, Before> nested) {
    }

    record Holder(Before one, String tail) {
    }

    record NewerHolder(After one, String tail) {
    }

    @Test
    void aComponentAddedAtTheEndReadsAsAbsentFromOlderValuesAndIsSkippedByOlderReaders() {
        byte[] old = Binary.write(new Holder(new Before("a", 3, List.of("x")), "end"), Holder.class);
        NewerHolder upgraded = Binary.read(old, NewerHolder.class);
        assertThat(upgraded).isEqualTo(new NewerHolder(new After("a", 3, List.of("x"), null, null, false, null), "end"));

        byte[] newer = Binary.write(new NewerHolder(new After("b", 4, List.of(), BigDecimal.TEN, Instant.EPOCH, true,
                Map.of("k", new Before("c", 1, null))), "tail"), NewerHolder.class);
        assertThat(Binary.read(newer, Holder.class)).isEqualTo(new Holder(new Before("b", 4, List.of()), "tail"));
    }

    record Money(BigDecimal small, BigDecimal huge, BigDecimal negative, Set<String> set, Instant at, String text) {
    }

    @Test
    void scalarsKeepTheirExactValue() {
        Money money = new Money(new BigDecimal("19.90"), new BigDecimal("123456789012345678901234567890.123"),
                new BigDecimal("-0.001"), Set.of("a"), Instant.parse("2026-12-06T10:15:30.123456789Z"),
                "Nguyễn Thị Lan, 北京 ✓");
        Money read = Binary.read(Binary.write(money, Money.class), Money.class);
        assertThat(read).isEqualTo(money);
        assertThat(read.small().scale()).isEqualTo(2);
    }
}
