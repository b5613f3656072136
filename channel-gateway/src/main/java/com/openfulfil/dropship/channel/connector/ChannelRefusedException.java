package com.openfulfil.dropship.channel.connector;

/** The channel refused the call (4xx, user errors): sending it again would not help; ops look at it. */
public final class ChannelRefusedException extends RuntimeException {
    ChannelRefusedException(String message) {
        super(message);
    }
}
