package com.openfulfil.dropship.channel.connector;

/** The channel refused the call (4xx, user errors): sending it again would not help; ops look at it. */
public final class ChannelRefusedException extends RuntimeException {
    private final int status;

    ChannelRefusedException(String message) {
        this(message, 0);
    }

    /** @param status the store's HTTP status, 0 when the refusal is not an HTTP answer */
    ChannelRefusedException(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
