package com.openfulfil.dropship.local.sim;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which records are still being worked on, per partition. A record's offset may be committed
 * only when it and every record before it are finished, so a dispatch whose parcel is still on
 * its way is read again after a restart instead of being forgotten.
 */
final class PendingOffsets {
    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    synchronized void begin(TopicPartition partition, long offset) {
        pending.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        next.merge(partition, offset + 1, Math::max);
    }

    synchronized void finish(TopicPartition partition, long offset) {
        TreeSet<Long> open = pending.get(partition);
        if (open != null) {
            open.remove(offset);
        }
    }

    /** Offsets that moved since the last call: the lowest unfinished offset, or past the last record read. */
    synchronized Map<TopicPartition, OffsetAndMetadata> toCommit() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((partition, nextOffset) -> {
            TreeSet<Long> open = pending.get(partition);
            long safe = open == null || open.isEmpty() ? nextOffset : open.first();
            if (!Long.valueOf(safe).equals(committed.get(partition))) {
                commit.put(partition, new OffsetAndMetadata(safe));
            }
        });
        return commit;
    }

    /** Records a successful commit, so the same offsets are not committed again. */
    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            if (next.containsKey(partition)) {
                committed.put(partition, offset.offset());
            }
        });
    }

    /** After a partition is taken away its work is not ours to commit any more. */
    synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            pending.remove(p);
            next.remove(p);
            committed.remove(p);
        });
    }
}
