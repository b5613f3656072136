package com.openfulfil.dropship.local.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CpuProfileTest {

    @Test
    void chargesASampleToTheFirstFrameOutsideTheJdk() {
        assertThat(CpuProfile.component(List.of("java.util.HashMap", "java.util.HashMap",
                "org.apache.kafka.streams.processor.internals.StreamTask", "org.springframework.Foo")))
                .isEqualTo("Kafka Streams");
        assertThat(CpuProfile.component(List.of("jdk.internal.misc.Unsafe", "tools.jackson.core.json.UTF8JsonGenerator",
                "com.openfulfil.dropship.events.serde.EventSerde"))).isEqualTo("JSON (Jackson)");
        assertThat(CpuProfile.component(List.of("sun.nio.ch.EPoll", "org.apache.kafka.common.network.Selector")))
                .isEqualTo("Kafka clients");
    }

    @Test
    void tellsTheBrokerFromItsClientsAndNamesWhatItDoesNotKnow() {
        assertThat(CpuProfile.component(List.of("org.apache.kafka.storage.internals.log.LogSegment")))
                .isEqualTo("Kafka broker");
        assertThat(CpuProfile.component(List.of("kafka.server.ReplicaManager"))).isEqualTo("Kafka broker");
        assertThat(CpuProfile.component(List.of("org.apache.kafka.clients.producer.KafkaProducer")))
                .isEqualTo("Kafka clients");
        assertThat(CpuProfile.component(List.of("java.lang.Thread", "io.netty.channel.Foo"))).isEqualTo("other: io.netty");
        assertThat(CpuProfile.component(List.of("java.lang.Thread", "java.util.concurrent.ThreadPoolExecutor")))
                .isEqualTo("JDK");
    }

    @Test
    void tellsTheLaunchersPartsApartAndTheServicesOwnCodeFromThem() {
        assertThat(CpuProfile.component(List.of("java.net.http.HttpClient",
                "com.openfulfil.dropship.local.bench.LoadDriver"))).isEqualTo("load driver and watcher");
        assertThat(CpuProfile.component(List.of("com.openfulfil.dropship.local.sim.CarrierSimulator")))
                .isEqualTo("simulators");
        assertThat(CpuProfile.component(List.of("com.openfulfil.dropship.channelsim.ShopifySimulator")))
                .isEqualTo("simulators");
        assertThat(CpuProfile.component(List.of("com.openfulfil.dropship.order.web.OrderIntake")))
                .isEqualTo("dropship code");
    }

    @Test
    void everyProcessStartsWithARecordingThatRecordsNothing(@TempDir Path dir) throws IOException {
        List<String> args = CpuProfile.jvmArgs(dir);

        Path settings = dir.resolve("bench-profile-idle.jfc");
        assertThat(args).containsExactly("-XX:StartFlightRecording=name=dropship-idle,settings=" + settings);
        assertThat(Files.readString(settings)).contains("<configuration").doesNotContain("<event");
    }
}
