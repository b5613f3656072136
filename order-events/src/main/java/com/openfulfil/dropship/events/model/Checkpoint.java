package com.openfulfil.dropship.events.model;

import java.time.Instant;

/** One raw carrier checkpoint, kept as the carrier reported it. */
public record Checkpoint(Instant time, String location, String message, String rawStatus) {
}
