package com.openfulfil.dropship.support.streams;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdTest {

    @TempDir
    Path data;

    @Test
    void anInstanceKeepsItsIdInItsStateFolderAcrossRestarts() {
        Path state = data.resolve("order-service/state");

        String first = InstanceId.of(state, "order-service").orElseThrow();

        assertThat(first).startsWith("order-service-");
        assertThat(InstanceId.of(state, "order-service")).as("read back after a restart").contains(first);
        assertThat(state.resolve(InstanceId.FILE)).hasContent(first);
    }

    @Test
    void twoStateFoldersAreTwoInstances() {
        assertThat(InstanceId.of(data.resolve("a"), "catalog-service"))
                .isNotEqualTo(InstanceId.of(data.resolve("b"), "catalog-service"));
    }

    @Test
    void withoutAWritableStateFolderThereIsNoId() throws IOException {
        Path notAFolder = Files.writeString(data.resolve("file"), "x");

        assertThat(InstanceId.of(notAFolder.resolve("state"), "order-service")).isEmpty();
    }
}
