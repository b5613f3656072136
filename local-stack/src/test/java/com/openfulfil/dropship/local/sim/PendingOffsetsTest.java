package com.openfulfil.dropship.local.sim;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PendingOffsetsTest {
    private final TopicPartition partition = new TopicPartition("supplier.hanoi-crafts.dispatch", 0);
    private final PendingOffsets pending = new PendingOffsets();

    @Test
    void commitsNoFurtherThanTheOldestUnfinishedRecord() {
        pending.begin(partition, 10);
        pending.begin(partition, 11);
        pending.begin(partition, 12);
        pending.finish(partition, 11);
        pending.finish(partition, 12);

        assertThat(pending.toCommit()).isEqualTo(Map.of(partition, new OffsetAndMetadata(10)));
    }

    @Test
    void commitsPastTheLastRecordWhenAllAreFinished() {
        pending.begin(partition, 10);
        pending.begin(partition, 11);
        pending.finish(partition, 10);
        pending.finish(partition, 11);

        assertThat(pending.toCommit()).isEqualTo(Map.of(partition, new OffsetAndMetadata(12)));
    }

    @Test
    void offersAnOffsetOnlyOnceItMovedSinceTheLastCommit() {
        pending.begin(partition, 5);
        pending.finish(partition, 5);
        pending.committed(pending.toCommit());

        assertThat(pending.toCommit()).isEmpty();
        pending.begin(partition, 6);
        pending.finish(partition, 6);
        assertThat(pending.toCommit()).isEqualTo(Map.of(partition, new OffsetAndMetadata(7)));
    }

    @Test
    void forgetsPartitionsTakenAway() {
        pending.begin(partition, 3);
        pending.forget(List.of(partition));
        pending.finish(partition, 3);

        assertThat(pending.toCommit()).isEmpty();
    }
}
