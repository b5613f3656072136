package com.openfulfil.dropship.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackPartitionsTest {
    @TempDir
    Path data;

    @Test
    void aFreshStackGivesEachTopicOnePartition() {
        assertThat(LocalStack.partitions(StackConfig.defaults(data))).isEqualTo(LocalStack.LOCAL_PARTITIONS).isEqualTo(1);
    }

    @Test
    void aDataFolderFromAnEarlierRunKeepsTheCountItsTopicsHave() throws IOException {
        for (int p = 0; p < 3; p++) {
            Files.createDirectories(data.resolve("kafka").resolve("orders.lifecycle-" + p));
        }
        Files.createDirectories(data.resolve("kafka").resolve("orders.lifecycle.order-service.dlq-0"));

        assertThat(LocalStack.partitions(StackConfig.defaults(data))).isEqualTo(3);
    }

    @Test
    void partitionsGivenToTheServicesWin() throws IOException {
        Files.createDirectories(data.resolve("kafka").resolve("orders.lifecycle-0"));

        assertThat(LocalStack.partitions(StackConfig.defaults(data)
                .withServiceArgs(List.of("--dropship.topics.partitions=4")))).isEqualTo(4);
    }
}
