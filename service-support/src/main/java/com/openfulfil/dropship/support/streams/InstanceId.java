package com.openfulfil.dropship.support.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * The lasting identity of one instance of a service in its Kafka Streams consumer group
 * ({@code group.instance.id}, static membership). An instance killed and started again rejoins
 * under the same id and takes its partitions straight back: the group neither waits for the old
 * member's session to run out nor rebalances. The id is made up on the first start and kept in the
 * instance's state folder, so it is exactly as unique and as lasting as the state itself: two
 * instances never share a state folder, and an instance that lost its state is a new member.
 */
public final class InstanceId {
    static final String FILE = "dropship-instance-id";
    private static final Logger log = LoggerFactory.getLogger(InstanceId.class);

    private InstanceId() {
    }

    /**
     * The id kept in {@code stateDir}, created there if missing ({@code <service>-<random>}); empty
     * (no static membership, the group falls back to member ids) when the folder cannot be written.
     */
    public static Optional<String> of(Path stateDir, String service) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return Optional.of(kept);
                }
            }
            Files.createDirectories(stateDir);
            String fresh = service + "-" + UUID.randomUUID().toString().substring(0, 8);
            Path written = Files.writeString(Files.createTempFile(stateDir, FILE, ".tmp"), fresh, StandardCharsets.UTF_8);
            move(written, file);
            return Optional.of(fresh);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot keep an instance id in {} ({}); this instance joins its group without one, so after a "
                    + "crash it waits for its old session to expire", stateDir, e.toString());
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
