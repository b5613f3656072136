package com.openfulfil.dropship.support.kafka;

/** An event could not be written to Kafka; the caller's request had no effect and may be retried. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
