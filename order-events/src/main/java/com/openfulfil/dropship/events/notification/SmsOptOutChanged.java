package com.openfulfil.dropship.events.notification;

import java.time.Instant;

/**
 * A customer answered a text message with STOP (opted out: no more text messages to {@code phone}) or
 * START (opted in again). {@code phone} is E.164 ({@code +84901234567}); the topic is compacted, so
 * its latest word per number is what counts. {@code keyword} is what the customer sent.
 */
public record SmsOptOutChanged(String eventId, Instant occurredAt, String phone, boolean optedOut, String keyword)
        implements NotificationPreference {
}
