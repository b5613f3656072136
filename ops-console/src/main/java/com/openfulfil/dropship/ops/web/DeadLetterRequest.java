package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.ops.deadletters.DeadLetterId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** Names a dead letter by where it sits, for a replay or a discard. */
record DeadLetterRequest(@NotBlank @Pattern(regexp = ".+\\.dlq", message = "must be a dead-letter topic (*.dlq)") String topic,
                         @NotNull @PositiveOrZero Integer partition, @NotNull @PositiveOrZero Long offset) {

    DeadLetterId id() {
        return new DeadLetterId(topic, partition, offset);
    }
}
