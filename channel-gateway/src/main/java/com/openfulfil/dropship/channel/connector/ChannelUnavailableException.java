package com.openfulfil.dropship.channel.connector;

import java.time.Duration;
import java.util.Optional;

/** The channel did not take the call for its own sake (5xx, 429, throttled, no answer): try again later. */
public final class ChannelUnavailableException extends RuntimeException {
    private final transient Duration retryAfter;

    ChannelUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the channel asked us to wait ({@code Retry-After}), when it said. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
