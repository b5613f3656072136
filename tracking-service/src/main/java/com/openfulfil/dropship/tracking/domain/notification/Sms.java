package com.openfulfil.dropship.tracking.domain.notification;

/** One text message, ready to send: to an E.164 number; {@code notificationId} makes a resend recognisable. */
public record Sms(String notificationId, String to, String body) {
}
